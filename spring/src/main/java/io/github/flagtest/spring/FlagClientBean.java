package io.github.flagtest.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.bean.override.BeanOverride;

/**
 * Replaces the bean of the field's type in the Spring test context with one flag client that
 * answers from whichever flagtest test runs on the calling thread (see {@link
 * io.github.flagtest.junit.FlagTest#flagClient(Class)}): the code under test holds it, the field
 * holds the same object, and one cached context serves every pinned state and {@code @FlagMatrix}
 * run. Works like Spring's {@code @MockitoBean} (a bean override): a bean of the type is replaced,
 * or created if there is none.
 *
 * <pre>{@code
 * @SpringBootTest
 * @WithFlag(name = "loyalty-points", enabled = true)
 * class OrderServiceTest {
 *     @FlagClientBean FeatureFlags flags;         // the bean OrderService holds
 *     @Autowired OrderService orders;
 *
 *     @Test void awards() { orders.place(order); }
 *
 *     @FlagMatrix({"loyalty-points", "express"}) // 4 runs, one context
 *     void everyState() { orders.place(order); }
 * }
 * }</pre>
 *
 * <p>Pin flags with {@code @WithFlag} or {@code @FlagMatrix} (or flip them with {@code
 * FlagTest.currentFlags()}) rather than stubbing the client: it lives as long as the context. Reads
 * are recorded at the application's line, past Spring's proxies. Outside a test (while the context
 * starts) it answers OFF or the caller's default.
 *
 * @since 0.1.0
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BeanOverride(FlagClientBeanProcessor.class)
public @interface FlagClientBean {

    /**
     * The name of the bean to replace; by default the bean of the field's type (created if there is
     * none).
     *
     * @return the bean name; by the field's type when empty
     */
    String name() default "";
}
