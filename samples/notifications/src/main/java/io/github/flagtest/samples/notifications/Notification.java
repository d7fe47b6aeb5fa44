package io.github.flagtest.samples.notifications;

/** One message to a customer, as queued by other services. */
public record Notification(String customerId, String email, String phone, String subject, String text) {}
