package org.articlekg.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.articlekg.load.Column;
import org.articlekg.load.TableSchema;

/**
 * Who makes the claim an evidence row quotes, through what and in which mode: the cells
 * {@code said_by}, {@code via} and {@code mode} of {@code evidence.csv}. Most rows are the
 * article's own reporting (all three empty); some quote a participant of the claim (a tweet, a
 * blog post, an interview …), some report an allegation or a speculation.
 *
 * @param by who makes the claim, or null for the article's own reporting
 * @param via the channel (a declared value of {@code via}), or null
 * @param mode the mode (a declared value of {@code mode}), or null for the default
 */
record Attribution(Entity by, String via, String mode) {
    /** The article's own reporting. */
    static final Attribution OWN = new Attribution(null, null, null);

    /** Share of evidence rows attributed to a participant of the claim. */
    static final double ATTRIBUTED_RATE = 0.15;
    /** Share of evidence rows reporting an allegation. */
    static final double ALLEGATION_RATE = 0.05;
    /** Share of evidence rows reporting a speculation or an intention. */
    static final double SPECULATION_RATE = 0.03;

    /** Writes the attribution into an evidence row. */
    void writeTo(Cells evidence) {
        TableSchema t = evidence.table();
        if (by != null && t.has("said_by")) evidence.set("said_by", by.id());
        if (via != null && t.has("via")) evidence.set("via", via);
        if (mode != null && t.has("mode")) evidence.set("mode", mode);
    }

    /**
     * Picks attributions in realistic proportions, from what the evidence file declares: nothing
     * when it has no {@code said_by} column, and only the modes and channels it allows.
     */
    static final class Picker {
        private final Column saidBy;
        private final Choice<String> channels;
        private final List<String> modes;

        Picker(TableSchema evidence) {
            this.saidBy = evidence.has("said_by") ? evidence.column("said_by") : null;
            this.channels = evidence.has("via") ? Choice.declared(evidence.column("via")) : null;
            this.modes = evidence.has("mode") ? List.copyOf(evidence.column("mode").values().keySet()) : List.of();
        }

        /**
         * An attribution for an evidence row of a claim naming {@code participants}: ~15 % a
         * statement by one of them ({@code attributed}), ~5 % an allegation, ~3 % a speculation,
         * the rest the article's own reporting.
         */
        Attribution pick(List<Entity> participants, SplittableRandom r) {
            double p = r.nextDouble();
            if (saidBy == null || p >= ATTRIBUTED_RATE + ALLEGATION_RATE + SPECULATION_RATE) {
                return p < 0.97 || !modes.contains("reported") ? OWN : new Attribution(null, null, "reported");
            }
            List<Entity> speakers = new ArrayList<>();
            for (Entity e : participants) if (saidBy.targets().contains(e.kind())) speakers.add(e);
            Entity by = speakers.isEmpty() ? null : speakers.get(r.nextInt(speakers.size()));
            String via = channels == null ? null : channels.pick(r);
            if (p < ATTRIBUTED_RATE) {
                if (by == null) return OWN;
                return new Attribution(by, via, r.nextBoolean() && modes.contains("attributed") ? "attributed" : null);
            }
            if (p < ATTRIBUTED_RATE + ALLEGATION_RATE) {
                return modes.contains("allegation") ? new Attribution(by, by == null ? null : via, "allegation") : OWN;
            }
            if (!modes.contains("speculation")) return OWN;
            return r.nextInt(100) < 70 ? new Attribution(null, null, "speculation") : new Attribution(by, by == null ? null : via, "speculation");
        }
    }
}
