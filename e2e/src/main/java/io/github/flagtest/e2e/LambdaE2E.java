package io.github.flagtest.e2e;

import io.github.flagtest.e2e.harness.LambdaE2EExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys a real Lambda handler once for the test class, with its flag document in a real flag
 * store, and hands each test a {@link DeployedFunction}. E2E tests cover happy flows: with every
 * flag OFF they are the sanity baseline and must pass.
 *
 * <pre>{@code
 * @LambdaE2E(handler = "com.example.orders.OrderHandler::handleRequest", flags = "flags/orders.json")
 * @FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)   // baseline, then each flag ON alone
 * class OrdersE2ETest {
 *     @Test
 *     void placesAnOrder(DeployedFunction orders) {
 *         assertThat(orders.invoke(event).functionError()).isNull();
 *     }
 * }
 * }</pre>
 *
 * <p>The backend comes from {@code flagtest.e2e.backend}: {@code auto} (default), {@code
 * localstack}, {@code floci}, {@code endpoint}, {@code aws} or {@code embedded}. With an empty
 * {@code @FlagMatrix}, the matrix is every on/off flag of the document. After the class a summary
 * (run x test) is printed and written to {@code target/flagtest/e2e/}; a test that passes at the
 * baseline and fails with one flag ON is called out as "mocked tests missed a case".
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(LambdaE2EExtension.class)
public @interface LambdaE2E {

    /**
     * In {@link #layers()}: AWS's AppConfig Lambda extension, which serves the agent path on {@code
     * localhost:$AWS_APPCONFIG_EXTENSION_HTTP_PORT}. The embedded backend runs its own (same path,
     * same caching); {@code aws} attaches the layer named by {@code flagtest.e2e.appConfigExtensionLayer};
     * LocalStack and Floci cannot run it and say so.
     *
     * @since 0.1.0
     */
    String APPCONFIG_EXTENSION = "appconfig-extension";

    /**
     * The handler, {@code pkg.Class::method}; the class must be on the test class path.
     *
     * @return the handler
     */
    String handler();

    /**
     * The flag document (AppConfig stored or retrieval form): class path first, then file path.
     *
     * @return the flag document's location; none when empty
     */
    String flags() default "";

    /**
     * Extra environment variables of the function, each {@code KEY=value}.
     *
     * @return the variables, {@code KEY=value} each
     */
    String[] environment() default {};

    /**
     * The function timeout, in seconds.
     *
     * @return the timeout in seconds
     */
    int timeoutSeconds() default 30;

    /**
     * The function memory, in MB (the child JVM's heap on the embedded backend).
     *
     * @return the memory in MB
     */
    int memoryMb() default 512;

    /**
     * The function's layers: layer version ARNs, or {@link #APPCONFIG_EXTENSION} for AWS's AppConfig
     * extension. A function that reads its flags through the agent path needs the extension, as on
     * Lambda: without it nothing listens there.
     *
     * <pre>{@code
     * @LambdaE2E(handler = "com.example.NotificationHandler::handleRequest", flags = "flags/prod.json",
     *            layers = LambdaE2E.APPCONFIG_EXTENSION)
     * }</pre>
     *
     * @return the layers
     * @since 0.1.0
     */
    String[] layers() default {};

    /**
     * The function package to deploy: a Lambda zip or jar (classes at the root, dependencies under
     * {@code lib/}), relative to the module's directory. By default {@code flagtest.e2e.package},
     * else Quarkus's {@code target/function.zip} (or a single {@code target/*-runner.jar} uber-jar)
     * when it is at least as new as {@code target/classes}, else the module's runtime class path.
     * Run E2E tests that deploy a package after {@code package} (Failsafe's {@code integration-test}).
     *
     * <pre>{@code
     * @LambdaE2E(handler = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
     *            functionPackage = "target/shop-1.0-aws.jar", environment = "MAIN_CLASS=com.example.ShopApplication")
     * }</pre>
     *
     * @return the package's path, or empty for the default
     * @since 0.1.0
     */
    String functionPackage() default "";
}
