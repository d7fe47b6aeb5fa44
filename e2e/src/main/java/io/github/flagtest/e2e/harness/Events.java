package io.github.flagtest.e2e.harness;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns objects into the JSON a function receives, and answers back into objects, as the Lambda
 * Java runtime does: aws-lambda-java-events types with its event serializers (so {@code SQSEvent}
 * keeps {@code Records}), other objects with its POJO serializer, Strings as they are. The
 * runtime's serializers carry their own Jackson, so a project's Jackson annotations count here
 * exactly as much as they count on Lambda.
 */
final class Events {

    private Events() {}

    static byte[] toJson(Object event) {
        if (event instanceof String json) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        if (event == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Events.<Object>serializer(event.getClass()).toJson(event, out);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot serialize the event " + event.getClass().getName()
                            + " as the Lambda Java runtime would: " + e.getMessage()
                            + "; pass the event as a JSON String instead",
                    e);
        }
        return out.toByteArray();
    }

    static <T> T fromJson(String json, Class<T> type) {
        PojoSerializer<T> serializer = serializer(type);
        return serializer.fromJson(json);
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<?> type) {
        Class<T> target = (Class<T>) type;
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(target, type.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(target);
    }
}
