package org.articlekg.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.articlekg.load.PartialDate.Precision;

/**
 * The articles of a generated corpus, planned before any is written: id, language and date of
 * each (dates rise with the article number, from 2015 to 2025, as in a corpus sorted by date).
 * Facts are dated no later than the articles that report them, so the plan is kept for the whole
 * run: a few bytes per article.
 */
final class ArticlePlan {
    /** How an article's date is written. */
    private static final byte UNDATED = 0;
    private static final byte STATED_DAY = 1;
    private static final byte STATED_MONTH = 2;
    private static final byte INFERRED_MONTH = 3;
    private static final byte INFERRED_YEAR = 4;

    private static final String[] INFERRED_NOTES = {
            "Undated; inferred from the most recent event it reports.",
            "Undated; inferred from the events it reports and a reply it quotes.",
            "No date printed; earliest month consistent with what it reports.",
            "Date inferred from a page footer and the events reported."};

    private final int count;
    private final int width;
    private final boolean[] french;
    private final long[] day;
    private final byte[] form;

    private ArticlePlan(int count) {
        this.count = count;
        this.width = Math.max(6, Integer.toString(count).length());
        this.french = new boolean[count];
        this.day = new long[count];
        this.form = new byte[count];
    }

    static ArticlePlan of(int count, SplittableRandom r) {
        ArticlePlan plan = new ArticlePlan(count);
        long first = Dates.FIRST_ARTICLE.toEpochDay();
        long span = Dates.LAST_ARTICLE.toEpochDay() - first + 1;
        for (int i = 0; i < count; i++) {
            plan.french[i] = r.nextInt(100) < 60;
            plan.day[i] = first + (long) Math.floor((i + r.nextDouble()) / count * span);
            int f = r.nextInt(100);
            plan.form[i] = f < 3 ? UNDATED : f < 70 ? STATED_DAY : f < 85 ? STATED_MONTH : f < 96 ? INFERRED_MONTH : INFERRED_YEAR;
        }
        return plan;
    }

    int count() { return count; }

    /** The id of article {@code i} (from 0): {@code a000001}. */
    String id(int i) {
        String n = Integer.toString(i + 1);
        return "a" + "0".repeat(Math.max(0, width - n.length())) + n;
    }

    boolean french(int i) { return french[i]; }

    /** The latest date a fact reported by these articles may have: the earliest of their dates. */
    LocalDate latest(int[] articles, int n) {
        long latest = Dates.LAST_ARTICLE.toEpochDay();
        for (int k = 0; k < n; k++) if (form[articles[k]] != UNDATED) latest = Math.min(latest, day[articles[k]]);
        return LocalDate.ofEpochDay(latest);
    }

    /** Fills {@code c}, an empty row of the articles' file, as the row of article {@code i}. */
    Cells row(Cells c, int i, String title, Entities entities, SplittableRandom r) {
        c.set("id", id(i)).set("title", title).set("language", french[i] ? "fr" : "en");
        LocalDate d = LocalDate.ofEpochDay(day[i]);
        switch (form[i]) {
            case STATED_DAY -> c.set("date", Dates.iso(d, Precision.DAY)).set("date_basis", "stated");
            case STATED_MONTH -> c.set("date", Dates.iso(d, Precision.MONTH)).set("date_basis", "stated");
            case INFERRED_MONTH, INFERRED_YEAR -> c.set("date", Dates.iso(d, form[i] == INFERRED_MONTH ? Precision.MONTH : Precision.YEAR))
                    .set("date_basis", "inferred").set("note", INFERRED_NOTES[r.nextInt(INFERRED_NOTES.length)]);
            default -> c.set("note", r.nextBoolean() ? "No date printed and none could be inferred." : null);
        }
        if (r.nextInt(100) < 70) {
            Entity site = entities.media.pick(r);
            c.set("site", Names.slug(site.labelEn()).replace("-", "") + (french[i] ? ".fr" : ".com"));
        }
        int cites = r.nextInt(100);
        if (cites < 30) {
            List<Entity> sources = new ArrayList<>();
            sources.add(entities.media.pick(r));
            if (cites < 5) {
                Entity second = entities.media.pickExcept(r, sources);
                if (second != null) sources.add(second);
            }
            c.setList("cites", sources);
        }
        return c;
    }
}
