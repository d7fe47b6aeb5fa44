package io.github.flagtest.inventory;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every AWS call any SDK client of the test JVM sends: registered as a global interceptor
 * (src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors), so it also sees
 * the clients the inventory builds itself. The SDK instantiates it, hence the static log; tests
 * {@link #clear()} it before the run they check.
 */
public final class CallRecorder implements ExecutionInterceptor {

    /** One call: service, operation and the host and port it went to. */
    record Call(String service, String operation, String endpoint) {}

    private static final ConcurrentLinkedQueue<Call> CALLS = new ConcurrentLinkedQueue<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        CALLS.add(new Call(
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                context.httpRequest().host() + ":" + context.httpRequest().port()));
    }

    static void clear() {
        CALLS.clear();
    }

    static List<Call> calls() {
        return List.copyOf(CALLS);
    }
}
