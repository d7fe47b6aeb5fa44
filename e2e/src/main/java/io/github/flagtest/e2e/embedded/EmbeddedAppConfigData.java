package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.e2e.embedded.AppConfigStore.Hosted;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.e2e.embedded.model.ModelRequest;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * AppConfig Data's StartConfigurationSession and GetLatestConfiguration over the embedded
 * AppConfig: a feature-flag profile is served in AWS's retrieval form, any other profile type
 * ({@code AWS.Freeform}) byte for byte with the content type it was uploaded with; {@code
 * Version-Label} is the hosted version's own label (absent when it has none). Each token is good
 * for one poll, and not before the session's poll interval ran out: a reused token and a poll too
 * early are {@code BadRequestException} with {@code Reason} {@code InvalidParameters} and {@code
 * Details.InvalidParameters.ConfigurationToken.Problem} as the model defines them.
 *
 * <p>Sources: https://docs.aws.amazon.com/appconfig/2019-10-09/APIReference/API_appconfigdata_GetLatestConfiguration.html
 * (a token "should only be used once"), spring-cloud-aws#1697 (2026: AWS answers a reused token
 * with BadRequestException "Token not valid").
 */
final class EmbeddedAppConfigData {

    private static final int DEFAULT_POLL_INTERVAL = 60;

    private record Session(
            String app, String env, String profile, int interval, byte[] lastContent, long earliestPollNanos) {}

    private final EmbeddedAppConfig appConfig;
    private final LongSupplier nanoClock;
    private final Map<String, Session> tokens = new ConcurrentHashMap<>();

    EmbeddedAppConfigData(EmbeddedAppConfig appConfig, LongSupplier nanoClock) {
        this.appConfig = appConfig;
        this.nanoClock = nanoClock;
    }

    void handle(HttpExchange exchange, ModelRequest request) throws IOException {
        JsonNode in = request.input();
        if (request.operation().equals("StartConfigurationSession")) {
            String app = in.path("ApplicationIdentifier").asText();
            String env = in.path("EnvironmentIdentifier").asText();
            String profile = in.path("ConfigurationProfileIdentifier").asText();
            deployed(app, env, profile);
            int interval = in.path("RequiredMinimumPollIntervalInSeconds").asInt(DEFAULT_POLL_INTERVAL);
            appConfig.sessionStarted(app, env, profile, interval);
            String token = newToken(new Session(app, env, profile, interval, null, nanoClock.getAsLong()));
            AwsHttp.json(exchange, 201, AwsHttp.JSON.createObjectNode().put("InitialConfigurationToken", token));
            return;
        }
        String token = in.path("ConfigurationToken").asText();
        Session session = tokens.get(token);
        long now = nanoClock.getAsLong();
        if (session != null && now - session.earliestPollNanos() < 0) {
            throw invalidToken(
                    "PollIntervalNotSatisfied",
                    "Request too early: this session polls at most every " + session.interval()
                            + " s (NextPollIntervalInSeconds); poll again later with the same token");
        }
        if (session == null || !tokens.remove(token, session)) {
            throw invalidToken(
                    "Corrupted",
                    "Token not valid: a configuration token is good for one GetLatestConfiguration; use the"
                            + " NextPollConfigurationToken of the previous response");
        }
        Hosted hosted = deployed(session.app(), session.env(), session.profile());
        byte[] content = hosted.state().isPresent()
                ? AppConfigEndpoint.retrievalDocument(hosted.state().get()).getBytes(StandardCharsets.UTF_8)
                : hosted.content();
        boolean changed = session.lastContent() == null || !Arrays.equals(content, session.lastContent());
        String next = newToken(new Session(
                session.app(),
                session.env(),
                session.profile(),
                session.interval(),
                content,
                now + TimeUnit.SECONDS.toNanos(session.interval())));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", hosted.state().isPresent() ? "application/json" : hosted.contentType());
        headers.put("Next-Poll-Configuration-Token", next);
        headers.put("Next-Poll-Interval-In-Seconds", Integer.toString(session.interval()));
        if (hosted.versionLabel() != null) {
            headers.put("Version-Label", hosted.versionLabel());
        }
        AwsHttp.send(exchange, 200, changed ? content : new byte[0], headers);
    }

    private Hosted deployed(String app, String env, String profile) {
        Optional<Hosted> hosted = appConfig.deployed(app, env, profile);
        return hosted.orElseThrow(
                () -> AwsError.notFound("No deployed configuration for " + app + "/" + env + "/" + profile)
                        .with("ResourceType", "Configuration"));
    }

    private static AwsError invalidToken(String problem, String message) {
        ObjectNode details = AwsHttp.JSON.createObjectNode();
        details.putObject("InvalidParameters").putObject("ConfigurationToken").put("Problem", problem);
        return AwsError.badRequest("BadRequestException", message)
                .with("Reason", "InvalidParameters")
                .with("Details", details);
    }

    private String newToken(Session session) {
        String token = UUID.randomUUID().toString();
        tokens.put(token, session);
        return token;
    }
}
