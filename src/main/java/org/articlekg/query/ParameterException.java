package org.articlekg.query;

import org.articlekg.KgException;

/** A parameter value that cannot be used: missing, unknown, of the wrong type or not allowed. */
public class ParameterException extends KgException {
    private final String parameter;

    public ParameterException(String parameter, String message) {
        super("parameter '" + parameter + "': " + message);
        this.parameter = parameter;
    }

    /** The parameter's name. */
    public String parameter() { return parameter; }
}
