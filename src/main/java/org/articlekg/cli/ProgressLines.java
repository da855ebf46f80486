package org.articlekg.cli;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a build's progress on standard output: each phase as a line; percentages within a phase
 * redrawn on one line on a terminal, or printed at every tenth of the way otherwise.
 */
final class ProgressLines implements Consumer<String> {
    private static final Pattern PERCENT = Pattern.compile(".*: (\\d+)% \\(.*");

    private final boolean quiet;
    private final boolean terminal;
    private final java.io.PrintStream out;
    private boolean redrawing;

    ProgressLines(boolean quiet) {
        this(quiet, System.console() != null, System.out);
    }

    ProgressLines(boolean quiet, boolean terminal, java.io.PrintStream out) {
        this.quiet = quiet;
        this.terminal = terminal;
        this.out = out;
    }

    @Override
    public synchronized void accept(String line) {
        if (quiet) return;
        Matcher m = PERCENT.matcher(line);
        if (m.matches()) {
            int percent = Integer.parseInt(m.group(1));
            if (terminal) {
                out.print("\r" + "kg: " + line);
                redrawing = true;
            } else if (percent % 10 == 0) {
                out.println("kg: " + line);
            }
        } else {
            if (redrawing) out.println();
            redrawing = false;
            out.println("kg: " + line);
        }
        out.flush();
    }
}
