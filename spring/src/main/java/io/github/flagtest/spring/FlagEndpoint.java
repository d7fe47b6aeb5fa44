package io.github.flagtest.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the Spring test context one {@link io.github.flagtest.core.AppConfigEndpoint} that lives as
 * long as the context and serves the flags of whichever flagtest test runs (every flag OFF between
 * tests), so an unmodified {@code AppConfigDataClient} bean reads each test's pinned state and
 * matrix run through configuration, and one cached context serves them all. Its URI is the property
 * {@value #ENDPOINT_PROPERTY} and each of {@link #properties()}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @FlagEndpoint(properties = "app.appconfig.endpoint")   // what the client bean's configuration reads
 * class OrderServiceTest {
 *     @Autowired OrderService orders;                    // holds the real AppConfigDataClient bean
 *
 *     @FlagMatrix("loyalty-points")                      // 2 runs, one context
 *     void places() { orders.place(order); }
 * }
 * }</pre>
 *
 * <p>The endpoint serves one test at a time: for tests that run in parallel in one context, use
 * {@link FlagClientBean}. It does not enforce AppConfig Data's poll interval, so a client that keeps
 * its session across tests sees the next test's flags at its next poll.
 *
 * @since 0.4.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FlagEndpoint {

    /** The property that always holds the endpoint's URI, e.g. {@code http://127.0.0.1:50123}. */
    String ENDPOINT_PROPERTY = "flagtest.appconfig.endpoint";

    /** More properties set to the endpoint's URI: the ones the application's client configuration reads. */
    String[] properties() default {};
}
