package io.github.flagtest.samples.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Delivers a batch of SQS notifications; failed messages are reported back (partial batch response). */
public class NotificationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationService notifications;

    /** The Lambda runtime's constructor: flags from the AppConfig agent, logging senders. */
    public NotificationHandler() {
        this(new NotificationService(
                AgentFeatures.fromEnvironment(),
                (to, subject, html) ->
                        System.out.println("email to " + to + " (" + EmailTemplates.layout(html) + "): " + subject),
                (phone, text) -> System.out.println("sms to " + phone + ": " + text)));
    }

    public NotificationHandler(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                Notification notification = JSON.readValue(message.getBody(), Notification.class);
                if (notification.email() == null) {
                    throw new IllegalArgumentException("no e-mail address");
                }
                notifications.deliver(notification);
            } catch (Exception e) { // one bad message must not fail the batch: SQS retries it alone
                System.out.println("message " + message.getMessageId() + " failed: " + e.getMessage());
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId())
                        .build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
