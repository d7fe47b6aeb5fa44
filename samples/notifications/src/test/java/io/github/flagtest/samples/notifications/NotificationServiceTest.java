package io.github.flagtest.samples.notifications;

import static io.github.flagtest.assertj.FlagAssertions.assertThat;
import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Variants;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.WithFlag;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class NotificationServiceTest {

    static final Notification SHIPPED =
            new Notification("c-42", "ana@example.com", "+3361234567", "Shipped", "Your order is on its way");

    @FlagClient
    Features features;

    @FeatureEntryPoint("sms-channel")
    SmsSender sms;

    EmailSender email = Mockito.mock(EmailSender.class);

    NotificationService notifications;

    @BeforeEach
    void setUp() {
        notifications = new NotificationService(features, email, sms);
    }

    @Test
    @WithFlag(name = "sms-channel", enabled = true)
    @DisplayName("sms-channel ON: the customer also gets an SMS")
    void sendsSms(FakeFlags flags) {
        notifications.deliver(SHIPPED);

        verify(sms).send("+3361234567", "Shipped: Your order is on its way");
        assertThat(flags).evaluatedAtSingleSite("sms-channel").evaluatedAtSingleSite("email-template");
    }

    @Test
    @WithFlag(name = "sms-channel", enabled = false)
    @DisplayName("sms-channel OFF: no SMS is ever sent (the entry point check proves it)")
    void noSmsWhenOff() {
        notifications.deliver(SHIPPED);

        assertThatFeature("sms-channel").wasNotInvoked();
    }

    @Test
    @WithFlag(name = "sms-channel", enabled = true)
    @DisplayName("kill switch: SMS stop as soon as the flag is turned OFF")
    void killSwitch(FakeFlags flags) {
        notifications.deliver(SHIPPED);
        flags.disable("sms-channel");
        notifications.deliver(SHIPPED);

        assertThatFeature("sms-channel").wasInvokedTimes(1).wasInvokedOnlyWhenEnabled();
    }

    @Test
    @WithFlag(name = "sms-channel", enabled = false)
    @WithFlag(name = "email-template", value = "rich")
    @DisplayName("email-template=rich renders the rich layout")
    void richTemplate() {
        notifications.deliver(SHIPPED);

        verify(email).send(eq("ana@example.com"), anyString(), contains("<footer>"));
    }

    @Test
    @WithFlag(name = "sms-channel", enabled = false)
    @DisplayName(
            "targeting: customers at example.com get the rich layout (the flag's rule), others the default variant")
    void targeting(FakeFlags flags, FlagState state) {
        Notification other = new Notification("c-7", "bo@other.org", null, "Shipped", "Your order is on its way");

        notifications.deliver(SHIPPED);
        notifications.deliver(other);

        verify(email).send(eq("ana@example.com"), anyString(), contains("<footer>"));
        String defaultLayout = state.value("email-template")
                .map(value -> value instanceof Variants variants
                        ? variants.defaultVariant().name()
                        : value.toString())
                .orElseThrow();
        assertThat(flags)
                .evaluatedWithContext("email-template", Map.of("email", "ana@example.com"))
                .evaluatedWithContext("email-template", Map.of("email", "bo@other.org"))
                .servedVariant("email-template", "rich")
                .servedVariant("email-template", defaultLayout);
    }
}
