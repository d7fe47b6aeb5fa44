package io.github.flagtest.spring;

import io.github.flagtest.core.AppConfigEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the context's endpoint before the context refreshes, puts its URI in the environment as
 * the first property source, and closes it with the context. Equal property lists give equal
 * customizers, so test classes with the same {@link FlagEndpoint} share one cached context.
 */
record FlagEndpointCustomizer(List<String> properties) implements ContextCustomizer {

    static final String BEAN = "flagtestAppConfigEndpoint";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        RunningTestFlags running = new RunningTestFlags();
        AppConfigEndpoint endpoint = AppConfigEndpoint.serving(running);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(FlagEndpoint.ENDPOINT_PROPERTY, endpoint.uri().toString());
        properties.forEach(name -> values.put(name, endpoint.uri().toString()));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("flagtest", values));
        context.getBeanFactory().registerSingleton(BEAN, running);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                endpoint.close();
            }
        });
    }
}
