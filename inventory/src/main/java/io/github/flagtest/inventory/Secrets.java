package io.github.flagtest.inventory;

import java.util.regex.Pattern;

/** Keeps anything shaped like an AWS credential out of what the inventory writes. */
final class Secrets {

    /** Access key IDs (long-term AKIA, temporary ASIA) and signature/credential fragments of SigV4. */
    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{12,}\\b");

    private static final Pattern SIGV4 =
            Pattern.compile("(Credential=|Signature=|X-Amz-Security-Token[=:]\\s*)[^,\\s&]+");

    private Secrets() {}

    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = ACCESS_KEY.matcher(text).replaceAll("(access key)");
        return SIGV4.matcher(scrubbed).replaceAll("$1(redacted)");
    }
}
