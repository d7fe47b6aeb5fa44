package io.github.flagtest.e2e.embedded.model;

import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request bound to its operation: the input members as the model names them (path labels, query
 * string, headers and body merged) and what breaks the model's constraints.
 *
 * @param service the model's service ({@code lambda}, {@code appconfig}, {@code appconfigdata}, {@code ssm})
 * @param operation the operation's name in the model, e.g. {@code CreateFunction}
 * @param input the bound input; a blob payload is bound as its size in bytes
 * @param violations empty when the model's constraints hold
 */
public record ModelRequest(String service, String operation, ObjectNode input, List<Violation> violations) {

    /** AWS's message for the violations: {@code 1 validation error detected: Value ... ; Value ...}. */
    public String message() {
        StringBuilder text = new StringBuilder()
                .append(violations.size())
                .append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < violations.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(violations.get(i).sentence());
        }
        return text.toString();
    }

    /** Whether a member has the wrong JSON type (AWS answers those before the constraints). */
    public boolean malformed() {
        return violations.stream().anyMatch(Violation::serialization);
    }
}
