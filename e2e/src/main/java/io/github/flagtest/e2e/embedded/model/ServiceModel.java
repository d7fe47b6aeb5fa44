package io.github.flagtest.e2e.embedded.model;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One AWS service model ({@code models/<service>.json}, AWS's {@code service-2.json}): finds the
 * operation of a request and binds and checks its input. Read once per service and shared.
 *
 * <pre>{@code
 * ServiceModel lambda = ServiceModel.of("lambda");
 * Optional<ModelRequest> request = lambda.rest("POST", "/2015-03-31/functions", "", headers, body);
 * }</pre>
 */
public final class ServiceModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ServiceModel> MODELS = new ConcurrentHashMap<>();

    private final String service;
    private final JsonNode metadata;
    private final Shapes shapes;
    private final List<RequestUri> operations = new ArrayList<>();
    private final Map<String, JsonNode> byName = new ConcurrentHashMap<>();

    private ServiceModel(String service, JsonNode model) {
        this.service = service;
        this.metadata = model.path("metadata");
        this.shapes = new Shapes(model.path("shapes"));
        model.path("operations").fields().forEachRemaining(entry -> {
            byName.put(entry.getKey(), entry.getValue());
            JsonNode http = entry.getValue().path("http");
            operations.add(new RequestUri(
                    entry.getKey(),
                    http.path("method").asText(),
                    http.path("requestUri").asText("/")));
        });
    }

    /** The model of {@code service}: {@code lambda}, {@code appconfig}, {@code appconfigdata} or {@code ssm}. */
    public static ServiceModel of(String service) {
        return MODELS.computeIfAbsent(service, ServiceModel::load);
    }

    private static ServiceModel load(String service) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(
                "/io/github/flagtest/e2e/embedded/models/" + service + ".json")) {
            if (in == null) {
                throw new IllegalStateException("flagtest-e2e lacks the AWS service model models/" + service + ".json");
            }
            return new ServiceModel(service, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AWS service model of " + service, e);
        }
    }

    /** The service's name for Signature Version 4 (the credential scope's service). */
    public String signingName() {
        return metadata.path("signingName")
                .asText(metadata.path("endpointPrefix").asText(service));
    }

    /** Whether the model has {@code operation}. */
    public boolean has(String operation) {
        return byName.containsKey(operation);
    }

    /**
     * The operation a REST request ({@code rest-json}) is, its input bound and checked; empty when
     * no operation of this service has that method and path.
     */
    public Optional<ModelRequest> rest(
            String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        Map<String, List<String>> query = RequestUri.query(rawQuery);
        RequestUri.Match best = null;
        for (RequestUri uri : operations) {
            RequestUri.Match match = uri.match(method, rawPath, query);
            if (match != null && (best == null || match.literals() > best.literals())) {
                best = match;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        JsonNode input = inputShape(best.operation());
        ObjectNode bound = JSON.createObjectNode();
        List<Violation> violations = new ArrayList<>();
        Binding binding = new Binding(shapes, bound, violations);
        binding.rest(input, best.labels(), query, headers, body);
        return Optional.of(checked(best.operation(), input, bound, violations));
    }

    /** An {@code awsJson} request ({@code X-Amz-Target: Prefix.Operation}), bound and checked. */
    public Optional<ModelRequest> json(String operation, byte[] body) {
        if (!byName.containsKey(operation)) {
            return Optional.empty();
        }
        JsonNode input = inputShape(operation);
        ObjectNode bound = JSON.createObjectNode();
        List<Violation> violations = new ArrayList<>();
        new Binding(shapes, bound, violations).json(input, body);
        return Optional.of(checked(operation, input, bound, violations));
    }

    private ModelRequest checked(String operation, JsonNode input, ObjectNode bound, List<Violation> violations) {
        if (violations.isEmpty()) {
            new Constraints(shapes, violations).structure(input, bound, "");
        }
        return new ModelRequest(service, operation, bound, List.copyOf(violations));
    }

    private JsonNode inputShape(String operation) {
        JsonNode input = byName.get(operation).path("input").path("shape");
        return input.isMissingNode() ? JSON.createObjectNode().put("type", "structure") : shapes.get(input.asText());
    }

    @Override
    public String toString() {
        return "AWS service model " + service;
    }
}
