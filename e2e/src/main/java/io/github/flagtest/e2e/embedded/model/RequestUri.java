package io.github.flagtest.e2e.embedded.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation's {@code http.requestUri}: literal segments, {@code {Label}} (one segment) and
 * {@code {Label+}} (the rest of the path), and an optional literal query part that must be present.
 */
final class RequestUri {

    /** A request that matched: the operation, its path labels (decoded), how many literal segments matched. */
    record Match(String operation, Map<String, String> labels, int literals) {}

    private final String operation;
    private final String method;
    private final String[] segments;
    private final List<String> requiredQuery = new ArrayList<>();

    RequestUri(String operation, String method, String template) {
        this.operation = operation;
        this.method = method;
        int question = template.indexOf('?');
        String path = question < 0 ? template : template.substring(0, question);
        if (question >= 0) {
            for (String pair : template.substring(question + 1).split("&")) {
                if (!pair.isEmpty()) {
                    requiredQuery.add(pair.split("=", 2)[0]);
                }
            }
        }
        this.segments = split(path);
    }

    Match match(String requestMethod, String rawPath, Map<String, List<String>> query) {
        if (!method.equals(requestMethod) || !query.keySet().containsAll(requiredQuery)) {
            return null;
        }
        String[] actual = split(rawPath);
        Map<String, String> labels = new LinkedHashMap<>();
        int literals = requiredQuery.size();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= actual.length) {
                    return null;
                }
                List<String> rest = new ArrayList<>();
                for (int j = i; j < actual.length; j++) {
                    rest.add(decode(actual[j]));
                }
                labels.put(segment.substring(1, segment.length() - 2), String.join("/", rest));
                return new Match(operation, labels, literals);
            }
            if (i >= actual.length) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                labels.put(segment.substring(1, segment.length() - 1), decode(actual[i]));
            } else if (segment.equals(actual[i])) {
                literals++;
            } else {
                return null;
            }
        }
        return actual.length == segments.length ? new Match(operation, labels, literals) : null;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
