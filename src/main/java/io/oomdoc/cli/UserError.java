package io.oomdoc.cli;

/** A problem with the user's input or environment: shown as one clear line, never as a stack trace. */
public final class UserError extends RuntimeException {
    public final int exitCode;

    public UserError(String message) { this(message, 1); }

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }
}
