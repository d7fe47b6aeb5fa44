package io.github.flagtest.junit.instrument;

import java.util.List;
import java.util.Optional;

/**
 * One call to an instrumented method.
 *
 * @param declaringType the class that declares the method that ran
 * @param method the method's name
 * @param receiver the instance it ran on; empty for a static method
 * @param arguments the arguments passed
 * @param thread the name of the calling thread
 * @param site the caller's frame, e.g. {@code com.example.OrderService.place(OrderService.java:42)}
 */
public record MethodCall(
        Class<?> declaringType,
        String method,
        Optional<Object> receiver,
        List<Object> arguments,
        String thread,
        String site) {}
