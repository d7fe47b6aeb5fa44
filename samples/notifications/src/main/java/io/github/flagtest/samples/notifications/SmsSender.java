package io.github.flagtest.samples.notifications;

/** Sends SMS: the entry point of the "sms-channel" feature. */
public interface SmsSender {

    void send(String phone, String text);
}
