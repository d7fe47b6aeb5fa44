package io.github.flagtest.samples.notifications;

import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.mockito.Mockito;

/**
 * Every SQS event file in all 6 combinations of sms-channel (ON/OFF) and email-template
 * (classic/compact/rich). The production {@link AgentFeatures} reads a local AppConfig agent.
 */
@FlagMatrix({"sms-channel", "email-template=classic|compact|rich"})
class NotificationHandlerMatrixTest {

    @FeatureEntryPoint("sms-channel")
    SmsSender sms;

    @ParameterizedTest
    @Events(folder = "events/sqs", type = SQSEvent.class)
    void deliversEveryBatch(SQSEvent event, AppConfigEndpoint agent) {
        AgentFeatures features = new AgentFeatures(agent.port(), "notifications", "prod", "flags");
        NotificationHandler handler =
                new NotificationHandler(new NotificationService(features, Mockito.mock(EmailSender.class), sms));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyElementsOf(event.getRecords().stream()
                        .filter(m -> !m.getBody().contains("\"email\""))
                        .map(SQSEvent.SQSMessage::getMessageId)
                        .toList());
        boolean anyPhone = event.getRecords().stream().anyMatch(m -> m.getBody().contains("\"phone\""));
        if (anyPhone) {
            assertThatFeature("sms-channel").wasInvokedOnlyWhenEnabled();
        } else {
            assertThatFeature("sms-channel").wasNotInvoked();
        }
    }
}
