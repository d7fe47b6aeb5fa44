package com.example.buckets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The shape of aws-samples/serverless-test-samples' apigw-lambda-list-s3-buckets, with a flag: an
 * API Gateway handler that lists S3 buckets with the SDK's Apache client and X-Ray's tracing
 * interceptor, built against aws-lambda-java-core 1.2.2, and shows creation dates when the flag
 * bucket-creation-dates is ON (read through the AppConfig extension's HTTP path).
 */
public class ListBucketsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final S3Client S3 = S3Client.builder()
            .httpClient(ApacheHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new TracingInterceptor()))
            .build();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        boolean dates = flagEnabled("bucket-creation-dates");
        Subsegment listing = AWSXRay.beginSubsegment("list-buckets"); // under Lambda's segment, from the trace header
        String buckets;
        String traceId;
        try {
            buckets = S3.listBuckets().buckets().stream()
                    .map(bucket -> dates ? bucket.name() + "@" + bucket.creationDate() : bucket.name())
                    .collect(Collectors.joining(","));
            traceId = listing.getParentSegment().getTraceId().toString();
        } finally {
            AWSXRay.endSubsegment();
        }
        context.getLogger().log("listed " + buckets + " in trace " + traceId);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withBody("{\"buckets\":\"" + buckets + "\",\"trace\":\"" + traceId + "\"}");
    }

    /** One flag through the AppConfig extension (the layer's HTTP path, ?flag= for a single flag). */
    static boolean flagEnabled(String flag) {
        String path = "http://localhost:" + System.getenv("AWS_APPCONFIG_EXTENSION_HTTP_PORT") + "/applications/"
                + System.getenv("FLAGS_APPLICATION") + "/environments/" + System.getenv("FLAGS_ENVIRONMENT")
                + "/configurations/" + System.getenv("FLAGS_PROFILE") + "?flag=" + flag;
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(path).openConnection();
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(" ", "").contains("\"enabled\":true");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read flag " + flag + " from " + path, e);
        }
    }
}
