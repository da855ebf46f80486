package org.articlekg.load;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in the input: where it is (file, line, column) and what is wrong.
 * {@link #toString()} is the one place problems are formatted:
 * {@code data/investments.csv:12:5 [amount] '12,5': not a decimal number}.
 *
 * @param file the file, relative to where the user works when possible
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column: the field number in the CSV record, or for an encoding error the
 *               character position in the line; 0 when not tied to one
 * @param columnName the column's header name, or null
 * @param value the offending value, or null
 * @param message what is wrong, and where useful what is expected
 */
public record Problem(Path file, long line, int column, String columnName, String value, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with the file as a whole. */
    public static Problem ofFile(Path file, String message) {
        return new Problem(file, 0, 0, null, null, message);
    }

    /** Where the problem is, as {@code file:line:column}. */
    public String location() {
        StringBuilder sb = new StringBuilder(file.toString());
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(location());
        if (columnName != null) sb.append(" [").append(columnName).append(']');
        if (value != null) sb.append(" '").append(abbreviate(value)).append('\'');
        return sb.append(": ").append(message).toString();
    }

    private static String abbreviate(String value) {
        String oneLine = value.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
