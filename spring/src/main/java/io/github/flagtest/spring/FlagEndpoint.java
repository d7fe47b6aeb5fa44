package io.github.flagtest.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts one {@link io.github.flagtest.core.AppConfigEndpoint} for the Spring test context: it lives
 * as long as the context, serves the flags of whichever flagtest test runs (every flag OFF between
 * tests, while the context starts) and records reads on that test. Its addresses are properties of
 * the context's environment, so an unmodified AppConfig client bean points at it through
 * configuration, and one cached context serves every pinned state and matrix run:
 *
 * <ul>
 *   <li>{@code flagtest.appconfig.endpoint}: the AppConfig Data API, for {@code
 *       AppConfigDataClient.builder().endpointOverride(...)}
 *   <li>{@code flagtest.appconfig.agent}: the AppConfig agent's base URI (as {@code
 *       http://localhost:2772}), for clients of the Lambda extension's path
 *   <li>{@code flagtest.appconfig.region}: {@code us-east-1}
 * </ul>
 *
 * <pre>{@code
 * @SpringBootTest(properties = "shop.appconfig.endpoint=${flagtest.appconfig.endpoint}")
 * @FlagEndpoint
 * class CheckoutTest {
 *     @Autowired OrderService orders;   // its AppConfigDataClient bean reads shop.appconfig.endpoint
 *
 *     @FlagMatrix({"loyalty-points", "express"}) void everyState() { orders.place(order); }
 * }
 * }</pre>
 *
 * <p>One test at a time per context: tests that share a context in parallel see the flags of the
 * one that started last.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FlagEndpoint {}
