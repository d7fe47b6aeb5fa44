package io.github.flagtest.samples.notifications;

/** Sends e-mail. */
public interface EmailSender {

    void send(String to, String subject, String html);
}
