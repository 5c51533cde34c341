package io.odradek.tools;

/** The command line is wrong: the message names the flag or value; the command prints it with its usage. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
