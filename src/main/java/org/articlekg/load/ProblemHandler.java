package org.articlekg.load;

/**
 * Where checks send the problems they spot. Spotting a problem is separate from deciding what to
 * do about it: {@link ProblemCollector} keeps them all so a run reports every problem at once.
 */
@FunctionalInterface
public interface ProblemHandler {
    void report(Problem problem);
}
