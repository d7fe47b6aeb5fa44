package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("events and results")
class EventsTest {

    @Test
    @DisplayName("aws-lambda-java-events types use the Lambda runtime's serializer: SQSEvent keeps Records")
    void lambdaEvents() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody("{\"to\":\"ana\"}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));

        String json = new String(Events.toJson(event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"Records\"").contains("\"messageId\":\"m-1\"");
    }

    @Test
    @DisplayName("other objects go through the Lambda runtime's POJO serializer, Strings are raw JSON")
    void otherEvents() {
        assertThat(new String(Events.toJson(Map.of("name", "ana")), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"ana\"}");
        assertThat(new String(Events.toJson("{\"raw\":1}"), StandardCharsets.UTF_8))
                .isEqualTo("{\"raw\":1}");
    }

    @Test
    @DisplayName("a result reads its payload as the Lambda runtime would and says what it was when it cannot")
    void payload() {
        Result result = new Result(200, "{\"greeting\":\"hi\"}", null, "", Duration.ofMillis(3));

        assertThat(result.payload(Map.class)).containsEntry("greeting", "hi");
        assertThat(result.payload(Greeting.class).getGreeting()).isEqualTo("hi");
        Result broken = new Result(200, "not json", null, "", Duration.ofMillis(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.payload(Map.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The payload is not a Map")
                .hasMessageContaining("payload: not json");
    }

    /** A POJO as a handler would return it (the runtime's serializer uses getters and setters). */
    public static class Greeting {
        private String greeting;

        public String getGreeting() {
            return greeting;
        }

        public void setGreeting(String greeting) {
            this.greeting = greeting;
        }
    }
}
