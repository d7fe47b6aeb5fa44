package io.github.flagtest.spring;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives the context of a {@link FlagEndpoint} test class its endpoint: a bean, and its addresses as
 * the first property source. Registered in {@code META-INF/spring.factories}; internal, not API.
 */
public final class FlagEndpointCustomizerFactory implements ContextCustomizerFactory {

    /** Created by Spring's {@code SpringFactoriesLoader}. */
    public FlagEndpointCustomizerFactory() {}

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, FlagEndpoint.class) ? new Customizer() : null;
    }

    /** All equal: the endpoint does not change the context's cache key beyond being there. */
    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ContextEndpoint endpoint = new ContextEndpoint();
            context.getBeanFactory().registerSingleton(ContextEndpoint.BEAN, endpoint);
            context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
                @Override
                public void onApplicationEvent(ContextClosedEvent event) {
                    endpoint.close(); // lives as long as the context
                }
            });
            String uri = endpoint.endpoint().uri().toString();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "flagtest AppConfig endpoint",
                            Map.of(
                                    "flagtest.appconfig.endpoint", uri,
                                    "flagtest.appconfig.agent", uri,
                                    "flagtest.appconfig.region", "us-east-1")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
