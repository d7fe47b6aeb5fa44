package io.github.flagtest.e2e.embedded;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * X-Ray trace headers as Lambda passes one with each invocation ({@code Lambda-Runtime-Trace-Id}),
 * e.g. {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0}: version
 * 1, the epoch second in 8 hex digits and 96 random bits; a 64-bit parent segment id; not sampled,
 * so an X-Ray SDK in the function records nothing and sends nothing. Source:
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
 */
final class TraceIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceIds() {}

    static String next() {
        byte[] root = new byte[12];
        byte[] parent = new byte[8];
        RANDOM.nextBytes(root);
        RANDOM.nextBytes(parent);
        String epoch = String.format("%08x", System.currentTimeMillis() / 1000);
        return "Root=1-" + epoch + "-" + HexFormat.of().formatHex(root) + ";Parent="
                + HexFormat.of().formatHex(parent) + ";Sampled=0";
    }
}
