package io.github.flagtest.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Gives a test class annotated {@link FlagEndpoint} its context's endpoint (registered in spring.factories). */
final class FlagEndpointCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        FlagEndpoint endpoint = TestContextAnnotationUtils.findMergedAnnotation(testClass, FlagEndpoint.class);
        return endpoint == null ? null : new FlagEndpointCustomizer(List.of(endpoint.properties()));
    }
}
