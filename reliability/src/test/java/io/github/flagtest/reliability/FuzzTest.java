package io.github.flagtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.FlagTestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded fuzzing (the seed is in the failure message, so a failure can be replayed): broken flag
 * documents only ever raise {@link FlagTestException}, and broken HTTP requests only ever get an
 * HTTP answer from {@link AppConfigEndpoint} — never a hang, a dropped connection or a 5xx.
 */
class FuzzTest {

    static final long SEED = 20261128L;

    static final List<String> VALID = List.of(
            """
            {"version":"1","flags":{"a":{"name":"A","description":"d","_createdAt":"2026-01-01T00:00:00Z"},
             "b":{"_deprecation":{"status":"planned"}},"c":{}},
             "values":{"a":{"enabled":true},"b":{"enabled":false},
             "c":{"_variants":[{"name":"x","enabled":true,"rule":"(eq $tier \\"gold\\")","attributeValues":{"limit":3}},{"name":"y","enabled":true}]}}}""",
            "{\"a\":{\"enabled\":true},\"b\":{\"enabled\":false,\"limit\":3},\"c\":{\"enabled\":true,\"_variant\":\"B\"}}");

    static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "null",
        "true",
        "false",
        "1",
        "-0.5e9",
        "\"enabled\"",
        "\"version\"",
        "\"flags\"",
        "\"values\"",
        "\"_variants\"",
        "\"_variant\"",
        "\"_createdAt\"",
        "\"_deprecation\"",
        "\"rule\"",
        "\"(split by::$id pct::20)\"",
        "\"attributeValues\"",
        "\"name\"",
        "\"2026-13-45\"",
        "\\u0000",
        "\uD83D\uDE00",
        " ",
        "\n"
    };

    @Test
    @DisplayName("10,000 mutated flag documents: parsed, or rejected with FlagTestException, nothing else")
    @Timeout(60)
    void flagDocuments() {
        Random random = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < 10_000; i++) {
            String document = mutate(VALID.get(i % VALID.size()), random);
            int index = i;
            try {
                FlagCatalog catalog = FlagCatalog.parse(document, "fuzz");
                catalog.defaults();
            } catch (FlagTestException expected) {
                rejected++;
                assertThat(expected.getMessage()).startsWith("fuzz");
            } catch (RuntimeException | StackOverflowError unexpected) {
                throw new AssertionError(
                        "seed " + SEED + ", case " + index + ": " + unexpected + " for document:\n" + document,
                        unexpected);
            }
        }
        assertThat(rejected).as("most mutations break the document").isGreaterThan(5_000);
    }

    private static String mutate(String document, Random random) {
        StringBuilder text = new StringBuilder(document);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 2 -> text.replace(at, Math.min(text.length(), at + 1), TOKENS[random.nextInt(TOKENS.length)]);
                default -> {
                    int from = random.nextInt(text.length());
                    int to = Math.min(text.length(), from + random.nextInt(20));
                    text.insert(at, text.substring(from, to));
                }
            }
        }
        return text.toString();
    }

    static final Set<Integer> ANSWERS = Set.of(200, 201, 400, 404, 405);

    static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
    static final String[] PATHS = {
        "/configurationsessions",
        "/configuration",
        "/configuration?configuration_token=",
        "/configuration?configuration_token=%zz",
        "/applications/a/environments/e/configurations/p",
        "/applications/a/environments/e/configurations/p?flag=x&flag=",
        "/applications/%E0%A4%A/environments/e/configurations/p",
        "/applications//environments//configurations/",
        "/applications/a",
        "/",
        "/nope",
        "/applications/a/environments/e/configurations/p/extra",
        "/configuration?a=b&&c"
    };
    static final String[] BODIES = {
        "",
        "{",
        "[]",
        "null",
        "{\"ApplicationIdentifier\":1}",
        "{\"ApplicationIdentifier\":\"a\",\"EnvironmentIdentifier\":\"e\","
                + "\"ConfigurationProfileIdentifier\":\"p\",\"RequiredMinimumPollIntervalInSeconds\":-1}",
        "{\"ApplicationIdentifier\":\"a\",\"EnvironmentIdentifier\":\"e\",\"ConfigurationProfileIdentifier\":\"p\"}",
        "\u0000\u0001"
    };

    @Test
    @DisplayName("2,000 malformed AppConfig requests get an HTTP answer (2xx or 4xx), within 2 s each")
    @Timeout(120)
    void endpointRequests() throws Exception {
        Random random = new Random(SEED);
        FakeFlags flags = new FakeFlags(FlagState.of(Map.of("x", true, "v", "B")));
        try (AppConfigEndpoint endpoint = AppConfigEndpoint.start(flags)) {
            for (int i = 0; i < 2_000; i++) {
                String method = METHODS[random.nextInt(METHODS.length)];
                String path = PATHS[random.nextInt(PATHS.length)];
                String body = BODIES[random.nextInt(BODIES.length)];
                int status = send(endpoint.port(), method, path, body);
                assertThat(ANSWERS)
                        .as("seed %d, case %d: %s %s with body %s", SEED, i, method, path, body)
                        .contains(status);
            }
        }
    }

    @Test
    @DisplayName("garbage that is not HTTP at all neither hangs the endpoint nor breaks the next request")
    @Timeout(30)
    void notHttp() throws Exception {
        try (AppConfigEndpoint endpoint = AppConfigEndpoint.start(new FakeFlags(FlagState.of(Map.of("x", true))))) {
            for (String garbage : List.of("\u0000\u0001\u0002\r\n\r\n", "GET\r\n\r\n", "HELLO / HTTP/9.9\r\n\r\n")) {
                try (Socket socket = new Socket("127.0.0.1", endpoint.port())) {
                    socket.setSoTimeout(2_000);
                    socket.getOutputStream().write(garbage.getBytes(StandardCharsets.ISO_8859_1));
                    assertThatCode(() -> socket.getInputStream().read()).doesNotThrowAnyException();
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the endpoint did not answer or close within 2 s for " + garbage, e);
                }
            }
            assertThat(send(endpoint.port(), "GET", "/applications/a/environments/e/configurations/p", ""))
                    .isEqualTo(200);
        }
    }

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    /** One raw HTTP/1.1 request on its own connection; the status code of the answer. */
    private static int send(int port, String method, String path, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String request =
                    method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
                            + bytes.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            Matcher matcher = STATUS.matcher(new String(head, StandardCharsets.ISO_8859_1));
            if (!matcher.find()) {
                throw new AssertionError("no HTTP answer to " + method + " " + path + ": '" + new String(head) + "'");
            }
            return Integer.parseInt(matcher.group(1));
        }
    }
}
