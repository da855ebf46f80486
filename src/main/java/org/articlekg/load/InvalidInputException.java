package org.articlekg.load;

import java.util.List;
import org.articlekg.KgException;

/** The input has problems; {@link #problems()} lists every one found in the run, each with its location. */
public class InvalidInputException extends KgException {
    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.size() == 1) return problems.get(0).toString();
        return problems.size() + " problems in the input, the first: " + problems.get(0);
    }
}
