package io.github.flagtest.samples.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FlagMatrix;
import org.junit.jupiter.api.Test;

/**
 * The deployed function reads its flags from the AppConfig extension's agent path, so it has the
 * extension, as it would on Lambda (a layer).
 */
@LambdaE2E(
        handler = "io.github.flagtest.samples.notifications.NotificationHandler::handleRequest",
        flags = "flags/prod.json",
        layers = LambdaE2E.APPCONFIG_EXTENSION)
@FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
class NotificationsE2ETest {

    @Test
    void deliversABatch(DeployedFunction notifications) {
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs/mixed-batch.json");

        InvocationResult result = notifications.invoke(event);

        assertThat(result.functionError()).as(result.payload()).isNull();
        assertThat(result.payload()).contains("\"itemIdentifier\":\"m-3\"").doesNotContain("m-2");
    }

    @Test
    void smsFollowsTheFlag(DeployedFunction notifications) {
        InvocationResult result = notifications.invoke(EventLoader.loadSQSEvent("events/sqs/order-shipped.json"));

        assertThat(result.functionError()).isNull();
        boolean smsOn = notifications.flags().current().isOn("sms-channel");
        assertThat(result.logTail().contains("sms to +3361234567")).isEqualTo(smsOn);
    }
}
