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
    private final boolean terminal = System.console() != null;
    private boolean redrawing;

    ProgressLines(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public synchronized void accept(String line) {
        if (quiet) return;
        Matcher m = PERCENT.matcher(line);
        if (m.matches()) {
            int percent = Integer.parseInt(m.group(1));
            if (terminal) {
                System.out.print("\r" + "kg: " + line);
                redrawing = true;
            } else if (percent % 10 == 0) {
                System.out.println("kg: " + line);
            }
        } else {
            if (redrawing) System.out.println();
            redrawing = false;
            System.out.println("kg: " + line);
        }
        System.out.flush();
    }
}
