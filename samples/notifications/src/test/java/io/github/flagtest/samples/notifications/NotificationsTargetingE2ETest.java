package io.github.flagtest.samples.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.github.flagtest.core.Variants;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import org.junit.jupiter.api.Test;

/**
 * Targeting end to end: prod's email-template flag serves the rich layout to customers at
 * example.com (its rule) and its default variant, classic, to everyone else. The function sends the customer's e-mail as
 * the agent's {@code Context} header; the AppConfig extension evaluates the rule.
 */
@LambdaE2E(
        handler = "io.github.flagtest.samples.notifications.NotificationHandler::handleRequest",
        flags = "flags/prod.json",
        layers = LambdaE2E.APPCONFIG_EXTENSION)
class NotificationsTargetingE2ETest {

    @Test
    void theRuleChoosesTheLayoutPerCustomer(DeployedFunction notifications) {
        InvocationResult beta = notifications.invoke(EventLoader.loadSQSEvent("events/sqs/order-shipped.json"));
        InvocationResult other = notifications.invoke("""
                {"Records": [{"messageId": "m-9", "eventSource": "aws:sqs",
                  "body": "{\\"customerId\\":\\"c-7\\",\\"email\\":\\"bo@other.org\\",\\"subject\\":\\"Shipped\\",\\"text\\":\\"On its way\\"}"}]}
                """);

        assertThat(beta.functionError()).as(beta.payload()).isNull();
        assertThat(beta.logTail()).contains("email to ana@example.com (rich): Shipped");
        assertThat(other.functionError()).as(other.payload()).isNull();
        // classic with prod's document; a CI profile run (-Pflags-dev, ...) deploys that profile's default
        Object template =
                notifications.flags().current().value("email-template").orElseThrow();
        String defaultLayout = template instanceof Variants variants
                ? variants.defaultVariant().name()
                : template.toString();
        assertThat(other.logTail()).contains("email to bo@other.org (" + defaultLayout + "): Shipped");
    }
}
