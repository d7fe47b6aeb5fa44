package io.github.flagtest.e2e;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns an event into the JSON a function receives: aws-lambda-java-events types with the Lambda
 * runtime's own serializer (so {@code SQSEvent} keeps {@code Records}), other objects with Jackson,
 * Strings as they are.
 */
final class Events {

    private Events() {}

    @SuppressWarnings("unchecked")
    static byte[] toJson(Object event) {
        if (event instanceof String json) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        if (event == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        Class<Object> type = (Class<Object>) event.getClass();
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LambdaEventSerializers.serializerFor(type, type.getClassLoader()).toJson(event, out);
            return out.toByteArray();
        }
        try {
            return AwsHttp.JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot serialize the event " + type.getName() + " with Jackson: " + e.getOriginalMessage()
                            + "; pass the event as a JSON String instead",
                    e);
        }
    }
}
