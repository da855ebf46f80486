package org.articlekg.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link ProblemHandler} that keeps every problem, in the order reported. */
public final class ProblemCollector implements ProblemHandler {
    private final List<Problem> problems = new ArrayList<>();

    @Override
    public synchronized void report(Problem problem) {
        problems.add(problem);
    }

    public synchronized List<Problem> problems() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws {@link InvalidInputException} listing every problem, if there is any. */
    public void throwIfAny() {
        List<Problem> all = problems();
        if (!all.isEmpty()) throw new InvalidInputException(all);
    }
}
