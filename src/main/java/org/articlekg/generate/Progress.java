package org.articlekg.generate;

/**
 * Told how far a {@link CorpusGenerator} has got, after each article. How (and whether) to show
 * it is the caller's choice: the command line draws a percentage, tests pass {@link #NONE}.
 */
@FunctionalInterface
public interface Progress {
    /** Ignores every report. */
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} articles (with their facts and evidence) are written. */
    void articlesDone(int done, int total);
}
