package io.github.flagtest.e2e.harness;

import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A call to AWS that names the IAM permission it needs when AWS refuses it: a permission error on
 * a real account is fatal and says which action to allow, never a silent detour.
 */
final class AwsCalls {

    static final Set<String> DENIED_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "NotAuthorized");

    private AwsCalls() {}

    /** Runs {@code call}; a permission error becomes a clear failure naming {@code iamAction}. */
    static <T> T call(String backend, String iamAction, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (denied(e)) {
                throw new ExtensionConfigurationException(
                        "flagtest e2e: the " + backend + " backend refused "
                                + iamAction + " (" + e.awsErrorDetails().errorCode() + ": "
                                + e.awsErrorDetails().errorMessage()
                                + "); the identity running the tests needs " + iamAction
                                + " (README, \"IAM for the aws backend\")",
                        e);
            }
            throw e;
        }
    }

    static void run(String backend, String iamAction, Runnable call) {
        call(backend, iamAction, () -> {
            call.run();
            return null;
        });
    }

    static boolean denied(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null && DENIED_CODES.contains(code);
    }
}
