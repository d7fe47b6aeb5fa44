package io.github.flagtest.core;

/**
 * Thrown when flagtest is used wrongly outside a JUnit extension callback, or when a flag document
 * cannot be read; the message says what is wrong, where, and how to fix it.
 *
 * @since 0.1.0
 */
public final class FlagTestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names the problem and the fix.
     *
     * @param message what is wrong and how to fix it
     */
    public FlagTestException(String message) {
        super(message);
    }

    /**
     * An exception with a message that names the problem and the fix, and its cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause the exception that revealed the problem
     */
    public FlagTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
