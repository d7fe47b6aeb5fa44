package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The embedded backend's credentials, random per backend, and the Signature Version 4 check every
 * request to it must pass, as AWS checks it: no {@code Authorization} is {@code
 * MissingAuthenticationTokenException}, another access key {@code UnrecognizedClientException}, a
 * wrong signature {@code InvalidSignatureException} (all 403). So no other local process can drive
 * the backend or read its flags. The expected signature is computed with the AWS SDK's own signer.
 * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 */
public final class RequestSigning {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** How far a request's X-Amz-Date may be from now: AWS's 5 minutes. */
    static final java.time.Duration MAX_SKEW = java.time.Duration.ofMinutes(5);

    private final String accessKeyId;
    private final String secretAccessKey;
    private final Clock clock;

    private RequestSigning(String accessKeyId, String secretAccessKey, Clock clock) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.clock = clock;
    }

    /** Fresh credentials: an access key ID shaped like AWS's, a 40-character secret. */
    static RequestSigning random() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("AKIAFLAGTEST");
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            key.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        secret.append(java.util.Base64.getEncoder().encodeToString(bytes));
        return new RequestSigning(key.toString(), secret.toString(), Clock.systemUTC());
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    /**
     * The request's credential scope, once its access key is this backend's: which service and
     * region the client signed for.
     *
     * @throws AwsError (403) when the request is unsigned or signed with other credentials
     */
    Scope scope(HttpExchange exchange) {
        Matcher parts = authorization(exchange);
        return new Scope(parts.group(3), parts.group(4));
    }

    /** The region and service a request was signed for. */
    record Scope(String region, String service) {}

    private Matcher authorization(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new AwsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches() || !parts.group(1).equals(accessKeyId)) {
            throw new AwsError(
                    403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        return parts;
    }

    /**
     * Checks the request's signature over {@code body}, and that it was signed within 5 minutes of
     * now, as AWS checks it (https://docs.aws.amazon.com/IAM/latest/UserGuide/signing-elements.html#date).
     *
     * @throws AwsError (403) when AWS would refuse the request
     */
    void verify(HttpExchange exchange, byte[] body) {
        Matcher parts = authorization(exchange);
        Instant date;
        try {
            date = Instant.from(
                    AMZ_DATE.parse(String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Date"))));
        } catch (DateTimeParseException e) {
            throw new AwsError(403, "IncompleteSignatureException", "X-Amz-Date is missing or malformed");
        }
        Instant now = clock.instant();
        if (date.isBefore(now.minus(MAX_SKEW))) {
            throw new AwsError(
                    403,
                    "InvalidSignatureException",
                    "Signature expired: " + AMZ_DATE.format(date) + " is now earlier than "
                            + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)");
        }
        if (date.isAfter(now.plus(MAX_SKEW))) {
            throw new AwsError(
                    403,
                    "InvalidSignatureException",
                    "Signature not yet current: " + AMZ_DATE.format(date) + " is still later than "
                            + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 5 min.)");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : parts.group(5).split(";")) {
            List<String> values = exchange.getRequestHeaders().get(name);
            if (values != null) {
                headers.put(name, values);
            }
        }
        String expected = signature(
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                headers,
                body,
                parts.group(3),
                parts.group(4),
                date);
        byte[] given = parts.group(6).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.US_ASCII))) {
            throw new AwsError(
                    403,
                    "InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided. Check your AWS"
                            + " Secret Access Key and signing method. Consult the service documentation for details.");
        }
    }

    /** The signature the SDK's signer gives this request with this backend's credentials. */
    String signature(
            String method,
            URI uri,
            Map<String, List<String>> headers,
            byte[] body,
            String region,
            String service,
            Instant date) {
        Map<String, List<String>> signed = sign(method, uri, headers, body, region, service, date);
        String authorization = signed.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Authorization"))
                .map(header -> header.getValue().get(0))
                .findFirst()
                .orElse("");
        Matcher parts = AUTHORIZATION.matcher(authorization);
        return parts.matches() ? parts.group(6) : "";
    }

    /** The request's headers once signed: what a test sends when it talks to the backend without the SDK. */
    Map<String, List<String>> sign(
            String method,
            URI uri,
            Map<String, List<String>> headers,
            byte[] body,
            String region,
            String service,
            Instant date) {
        URI authority = authority(headers, uri);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method.toUpperCase(Locale.ROOT)))
                .protocol("http")
                .host(authority.getHost())
                .port(authority.getPort() > 0 ? authority.getPort() : 80)
                .encodedPath(uri.getRawPath());
        query(uri).forEach(request::putRawQueryParameter);
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(accessKeyId, secretAccessKey))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(date, ZoneOffset.UTC)));
        return signed.request().headers();
    }

    /** The Host header as the client sent it (host and port), else the URI's. */
    private static URI authority(Map<String, List<String>> headers, URI uri) {
        List<String> host = headers.get("host");
        return host == null || host.isEmpty() ? uri : URI.create("http://" + host.get(0));
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
