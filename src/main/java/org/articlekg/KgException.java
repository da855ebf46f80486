package org.articlekg;

/**
 * Root of the exceptions article-kg throws for problems a user can fix (bad input, bad options,
 * a missing build). The command line prints its message as one line, without a stack trace.
 */
public class KgException extends RuntimeException {
    public KgException(String message) { super(message); }
    public KgException(String message, Throwable cause) { super(message, cause); }
}
