package io.github.flagtest.e2e.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** The environment variables of a function's runtime process, as Lambda sets them. */
final class RuntimeEnvironment {

    private RuntimeEnvironment() {}

    /**
     * What Lambda defines for a Java runtime, with Lambda's values (the credentials and endpoint are
     * the embedded backend's):
     * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime.
     * {@code _X_AMZN_TRACE_ID} changes with every invocation, which a running JVM's environment
     * cannot: as on Lambda's Java runtimes, each invocation's trace header reaches the function as
     * the system property {@code com.amazonaws.xray.traceHeader}, which the RIC sets from the
     * Runtime API's {@code Lambda-Runtime-Trace-Id}. X-Ray's daemon address is on 127.0.0.1, where
     * nothing listens (Lambda's is 169.254.79.129:2000); unsampled traces send nothing anyway.
     */
    static Map<String, String> of(
            FunctionRuntime.Config config,
            Map<String, String> platformEnvironment,
            String runtimeApi,
            String logStream,
            Path taskRoot,
            Path runtimeDir,
            OptionalInt extensionPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        env.put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000");
        env.put("_AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1");
        env.put("_AWS_XRAY_DAEMON_PORT", "2000");
        String path = System.getenv("PATH");
        if (path != null) {
            env.put("PATH", path);
        }
        env.putAll(platformEnvironment);
        env.putAll(config.environment()); // LambdaRules refused reserved keys; the unreserved ones above may be set
        env.put("_HANDLER", config.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + config.runtime());
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        extensionPort.ifPresent(port -> env.put("AWS_APPCONFIG_EXTENSION_HTTP_PORT", Integer.toString(port)));
        return env;
    }
}
