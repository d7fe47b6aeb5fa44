package io.github.flagtest.junit.inject;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.context.FlagDocuments;
import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.junit.current.TestFlags;
import io.github.flagtest.junit.entrypoint.MockEntryPoint;
import io.github.flagtest.junit.flags.OpenFeatureSupport;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The parameters flagtest resolves: FakeFlags, FlagState, AppConfigEndpoint, entry points, flag
 * clients, an OpenFeature Client.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class ParameterSupport {

    private ParameterSupport() {}

    public static boolean supports(Parameter parameter) {
        Class<?> type = parameter.getType();
        return type == FakeFlags.class
                || type == FlagState.class
                || AnnotationSupport.isAnnotated(parameter, FeatureEntryPoint.class)
                || AnnotationSupport.isAnnotated(parameter, FlagClient.class)
                || type == AppConfigEndpoint.class
                || OpenFeatureSupport.isClient(type);
    }

    public static Object resolve(ParameterContext context, ExtensionContext extensionContext, TestFlags test) {
        Parameter parameter = context.getParameter();
        Class<?> type = parameter.getType();
        String where = "parameter '" + parameter.getName() + "' of "
                + context.getDeclaringExecutable().getName() + "()";
        var entryPoint = AnnotationSupport.findAnnotation(parameter, FeatureEntryPoint.class);
        if (entryPoint.isPresent()) {
            FlagDocuments.checkName(
                    entryPoint.get().value(),
                    "@FeatureEntryPoint",
                    where,
                    Settings.of(extensionContext).catalog());
            String described = "@FeatureEntryPoint(\"" + entryPoint.get().value() + "\") on " + where;
            TestFields.refuseType(entryPoint.get(), described);
            TestFields.checkMethods(entryPoint.get(), type, described);
            Object mock = Mocks.entryPoint(type, parameter.getName(), described);
            test.entryPoints().add(new MockEntryPoint(entryPoint.get(), where, () -> mock));
            return mock;
        }
        if (AnnotationSupport.isAnnotated(parameter, FlagClient.class)) {
            Object client = Mocks.flagClient(type, parameter.getName(), test.flags(), "@FlagClient on " + where);
            FlagClients.add(extensionContext, "@FlagClient on " + where, () -> client);
            return client;
        }
        if (type == FakeFlags.class) {
            return test.flags();
        }
        if (type == FlagState.class) {
            return test.initial();
        }
        if (type == AppConfigEndpoint.class) {
            AppConfigEndpoint endpoint = AppConfigEndpoint.start(test.flags());
            test.onClose(endpoint::close);
            return endpoint;
        }
        return OpenFeatureSupport.client();
    }
}
