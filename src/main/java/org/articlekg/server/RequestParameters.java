package org.articlekg.server;

import jakarta.servlet.http.HttpServletRequest;
import org.articlekg.query.ParameterException;

/** Reading a request's parameters: each given at most once, or a 400 naming it ({@link ParameterException}). */
final class RequestParameters {
    private RequestParameters() {}

    /** A parameter given at most once, or null when absent. */
    static String one(HttpServletRequest req, String name) {
        String[] given = req.getParameterValues(name);
        if (given == null) return null;
        if (given.length != 1) throw new ParameterException(name, "given " + given.length + " times; give it once");
        return given[0];
    }

    /** The value of a whole-number request parameter from {@code min} to 2^31-1, or null when absent. */
    static Long whole(HttpServletRequest req, String name, long min, boolean blankIsAbsent) {
        String given = one(req, name);
        if (given == null || blankIsAbsent && given.isBlank()) return null;
        try {
            long v = Long.parseLong(given.trim());
            if (v >= min && v <= Integer.MAX_VALUE) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(name, "must be a whole number from " + min + " to " + Integer.MAX_VALUE + ", not '" + given + "'");
    }
}
