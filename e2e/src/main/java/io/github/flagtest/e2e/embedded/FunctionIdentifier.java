package io.github.flagtest.e2e.embedded;

import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import java.util.Set;

/**
 * A Lambda {@code FunctionName} in every form the model's {@code NamespacedFunctionName} takes: a
 * name ({@code my-function}), a partial ARN ({@code 123456789012:function:my-function}) or a full
 * ARN ({@code arn:aws:lambda:us-east-1:123456789012:function:my-function}), each optionally with
 * {@code :qualifier} ({@code $LATEST} or a published version); or the {@code Qualifier} parameter.
 * The embedded Lambda has no aliases.
 * Source: https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html#API_GetFunction_RequestSyntax
 */
final class FunctionIdentifier {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final String LATEST = "$LATEST";

    private FunctionIdentifier() {}

    static String arn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    /** A resolved function: its name, the version asked for ({@code $LATEST} if none), whether one was named. */
    record Target(String name, String version, boolean qualified) {}

    /**
     * The function {@code identifier} names; {@code ResourceNotFoundException} for another account
     * or region, a missing function or a qualifier it does not have.
     *
     * @param qualifiers a function's qualifiers by name ($LATEST and its versions), null when none
     */
    static Target resolve(
            String identifier, String qualifierParameter, java.util.function.Function<String, Set<String>> qualifiers) {
        String[] parts = identifier.split(":", -1);
        String account = ACCOUNT;
        String region = REGION;
        String rest;
        if (identifier.startsWith("arn:")) {
            region = parts[3];
            account = parts[4];
            rest = String.join(":", java.util.Arrays.copyOfRange(parts, 6, parts.length));
        } else if (parts.length >= 3 && parts[1].equals("function")) {
            account = parts[0];
            rest = String.join(":", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        } else {
            rest = identifier;
        }
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        String qualifier = colon < 0 ? null : rest.substring(colon + 1);
        if (qualifier != null && qualifierParameter != null && !qualifier.equals(qualifierParameter)) {
            throw AwsError.badRequest(
                    "InvalidParameterValueException",
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        String wanted = qualifier != null ? qualifier : qualifierParameter;
        String arn =
                "arn:aws:lambda:" + region + ":" + account + ":function:" + name + (wanted == null ? "" : ":" + wanted);
        Set<String> known = account.equals(ACCOUNT) && region.equals(REGION) ? qualifiers.apply(name) : null;
        if (known == null || (wanted != null && !known.contains(wanted))) {
            throw AwsError.notFound("Function not found: " + arn);
        }
        return new Target(name, wanted == null ? LATEST : wanted, wanted != null);
    }
}
