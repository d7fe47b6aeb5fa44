package io.github.flagtest.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;

/**
 * A handler that reads its flags from AppConfig Data as AWS allows: one session per execution
 * environment, a poll only after the previous answer's NextPollIntervalInSeconds (15 s, the
 * shortest), the document cached in between; it echoes them.
 */
public class FlagReadingHandler implements RequestHandler<Map<String, Object>, String> {

    private static final AppConfigDataClient CLIENT = AppConfigDataClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private static String token;
    private static long nextPoll;
    private static String flags = "{}";

    @Override
    public synchronized String handleRequest(Map<String, Object> event, Context context) {
        if (token != null && System.nanoTime() - nextPoll < 0) {
            return flags;
        }
        if (token == null) {
            token = CLIENT.startConfigurationSession(
                            r -> r.applicationIdentifier(System.getenv("FLAGTEST_APPCONFIG_APPLICATION"))
                                    .environmentIdentifier(System.getenv("FLAGTEST_APPCONFIG_ENVIRONMENT"))
                                    .configurationProfileIdentifier(System.getenv("FLAGTEST_APPCONFIG_PROFILE"))
                                    .requiredMinimumPollIntervalInSeconds(15))
                    .initialConfigurationToken();
        }
        String current = token;
        var latest = CLIENT.getLatestConfiguration(r -> r.configurationToken(current));
        token = latest.nextPollConfigurationToken();
        nextPoll = System.nanoTime() + latest.nextPollIntervalInSeconds() * 1_000_000_000L;
        byte[] body = latest.configuration().asByteArray();
        if (body.length > 0) {
            flags = new String(body, StandardCharsets.UTF_8);
        }
        return flags;
    }
}
