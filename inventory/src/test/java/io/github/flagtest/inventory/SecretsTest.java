package io.github.flagtest.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("error messages written to inventory.json")
class SecretsTest {

    @Test
    @DisplayName(
            "lose access key IDs (AKIA/ASIA, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids) and SigV4 credential, signature and token values")
    void scrubbed() {
        String message = "The request signature we calculated does not match: Authorization=AWS4-HMAC-SHA256 "
                + "Credential=AKIAFLAGTESTABCDEFGH/20261206/us-east-1/appconfig/aws4_request, "
                + "SignedHeaders=host, Signature=0123abcd, key ASIAFLAGTESTABCDEFGH, X-Amz-Security-Token: FwoGZXIvYXdz";
        String scrubbed = Secrets.scrub(message);
        assertThat(scrubbed)
                .doesNotContain("AKIAFLAGTESTABCDEFGH", "ASIAFLAGTESTABCDEFGH", "0123abcd", "FwoGZXIvYXdz")
                .contains("The request signature we calculated does not match", "Credential=(redacted)");
        assertThat(Secrets.scrub(null)).isNull();
    }
}
