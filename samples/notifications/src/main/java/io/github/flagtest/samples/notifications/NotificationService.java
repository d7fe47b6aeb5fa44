package io.github.flagtest.samples.notifications;

import java.util.Map;

/** Delivers one notification. Each flag is read at one place. */
public final class NotificationService {

    private final Features features;
    private final EmailSender email;
    private final SmsSender sms;

    public NotificationService(Features features, EmailSender email, SmsSender sms) {
        this.features = features;
        this.email = email;
        this.sms = sms;
    }

    public void deliver(Notification notification) {
        String template = features.variant("email-template", "classic", Map.of("email", notification.email()));
        email.send(notification.email(), notification.subject(), EmailTemplates.render(template, notification));
        if (notification.phone() != null && features.isEnabled("sms-channel")) {
            sms.send(notification.phone(), notification.subject() + ": " + notification.text());
        }
    }
}
