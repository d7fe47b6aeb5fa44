package io.github.flagtest.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;

/** A handler that polls its flags from AppConfig Data on every invocation and echoes them. */
public class FlagReadingHandler implements RequestHandler<Map<String, Object>, String> {

    private static final AppConfigDataClient CLIENT = AppConfigDataClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private static String token;
    private static String flags = "{}";

    @Override
    public synchronized String handleRequest(Map<String, Object> event, Context context) {
        if (token == null) {
            token = CLIENT.startConfigurationSession(
                            r -> r.applicationIdentifier(System.getenv("FLAGTEST_APPCONFIG_APPLICATION"))
                                    .environmentIdentifier(System.getenv("FLAGTEST_APPCONFIG_ENVIRONMENT"))
                                    .configurationProfileIdentifier(System.getenv("FLAGTEST_APPCONFIG_PROFILE")))
                    .initialConfigurationToken();
        }
        String current = token;
        var latest = CLIENT.getLatestConfiguration(r -> r.configurationToken(current));
        token = latest.nextPollConfigurationToken();
        byte[] body = latest.configuration().asByteArray();
        if (body.length > 0) {
            flags = new String(body, StandardCharsets.UTF_8);
        }
        return flags;
    }
}
