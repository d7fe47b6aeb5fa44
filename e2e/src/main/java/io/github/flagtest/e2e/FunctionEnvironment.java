package io.github.flagtest.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link LambdaE2E} test class that returns more environment variables
 * for the function ({@code Map<String, String>}), worked out at run time: typically the endpoint of
 * a service the test started itself, which an annotation's constant cannot name. The method is
 * called once, after the class's {@code @BeforeAll} methods and before the function is deployed;
 * its entries join {@link LambdaE2E#environment()}.
 *
 * <pre>{@code
 * @LambdaE2E(handler = "com.example.BucketsHandler::handleRequest")
 * class BucketsE2ETest {
 *     static HttpServer s3;
 *
 *     @BeforeAll
 *     static void startS3() throws IOException { s3 = FakeS3.start(); }   // 127.0.0.1, any free port
 *
 *     @FunctionEnvironment
 *     static Map<String, String> s3Endpoint() {
 *         return Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.getAddress().getPort());
 *     }
 * }
 * }</pre>
 *
 * <p>A key also given in {@code @LambdaE2E(environment)}, a method that is not static, takes
 * parameters or does not return a {@code Map}, and a {@code null} key or value are configuration
 * errors ({@code ExtensionConfigurationException}) naming the method. Keys follow Lambda's rules:
 * the keys Lambda reserves for its runtime are refused by every backend, as by Lambda.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface FunctionEnvironment {}
