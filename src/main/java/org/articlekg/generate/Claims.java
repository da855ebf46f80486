package org.articlekg.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.articlekg.KgException;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;
import org.articlekg.load.TableSchema;

/**
 * Makes fact rows (claims) of every kind the fact model declares, from the declarations alone:
 * each column is filled by its type (entities of its target kinds, popular ones more often; one
 * of its declared values; a date no later than the articles reporting it, with its qualifier now
 * and then; a round amount with its currency or unit, sometimes a range; a curator's note),
 * required columns always, optional ones most of the time. Kinds are picked by their declared
 * {@code kd:weight}.
 */
final class Claims {
    /** How many years before the articles reporting them dates go back at most. */
    static final int YEARS_BACK = 8;
    /** Share of year- and month-precision dates given a qualifier ({@code early}, {@code before} …). */
    static final double QUALIFIER_RATE = 0.08;
    /** Share of amounts given as a range. */
    static final double RANGE_RATE = 0.10;
    /** Share of claims with an end date (after a start date) where one is declared but optional. */
    static final double END_RATE = 0.30;

    private static final String[] NOTES = {
            "As the article reports it; the parties have not confirmed.",
            "Figures and dates as the article gives them.",
            "The article gives no further detail.",
            "Summarised from several paragraphs of the article.",
            "Details in the article's closing section.",
            "The parties did not reply to requests for comment.",
            "Mentioned in passing, as background."};

    private final Entities entities;
    private final Map<Kind, FactShape> shapes = new LinkedHashMap<>();
    private final Map<Kind, Cycle> cycles = new LinkedHashMap<>();
    private final Choice<FactShape> kinds;

    /** The members of a pool in a random order, each taken once before any twice. */
    private static final class Cycle {
        private final List<Entity> order;
        private int next;

        Cycle(Pool pool, SplittableRandom r) {
            order = new ArrayList<>(pool.members());
            for (int i = order.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                Entity t = order.get(i);
                order.set(i, order.get(j));
                order.set(j, t);
            }
        }

        Entity next() {
            Entity e = order.get(next);
            next = (next + 1) % order.size();
            return e;
        }
    }

    /** Claims of the kinds of {@code model} about {@code entities}; {@code r} deals the order of once-per-entity events. */
    Claims(FactModel model, Entities entities, SplittableRandom r) {
        this.entities = entities;
        LinkedHashMap<FactShape, Double> weights = new LinkedHashMap<>();
        for (TableSchema t : model.facts()) {
            FactShape shape = new FactShape(t, model, entities);
            shapes.put(t.kind(), shape);
            weights.put(shape, t.weight());
            if (shape.once != null) cycles.put(t.kind(), new Cycle(shape.pool(shape.once), r));
        }
        if (weights.isEmpty()) throw new KgException("the fact model declares no kind of fact");
        kinds = Choice.of(weights);
    }

    /** A kind of fact, as often as its weight says. */
    FactShape pickKind(SplittableRandom r) {
        return kinds.pick(r);
    }

    FactShape shape(Kind kind) {
        return shapes.get(kind);
    }

    /** Fills {@code row}, an empty row of the kind's file, as a claim dated no later than {@code latest}; its id is left for the caller. */
    Cells make(FactShape shape, Cells row, SplittableRandom r, LocalDate latest) {
        if (shape.once != null) row.set(shape.once.name(), cycles.get(shape.table.kind()).next().id());
        for (Column c : shape.first) {
            if (c == shape.once) continue;
            if (shape.forced.contains(c.name()) || r.nextDouble() < fillRate(c)) fill(shape, row, c, r, latest);
        }
        for (Column c : shape.then) then(shape, row, c, r, latest);
        return row;
    }

    /**
     * Fills a column that follows another: one required with another is filled exactly when that
     * one is; a later date now and then when the one it follows is given.
     */
    void then(FactShape shape, Cells row, Column c, SplittableRandom r, LocalDate latest) {
        if (c.requiredWith() != null) {
            if (row.has(c.requiredWith())) fill(shape, row, c, r, latest);
        } else if (shape.forced.contains(c.name()) || (row.has(c.notBefore()) && r.nextDouble() < END_RATE)) {
            fill(shape, row, c, r, latest);
        }
    }

    /** The share of claims an optional column is filled in. */
    private static double fillRate(Column c) {
        return switch (c.type()) {
            case DATE -> 0.85;
            case DECIMAL -> 0.80;
            case REF -> 0.75;
            case REFS, ENUM -> 0.70;
            default -> 0.60;
        };
    }

    /** Fills one column (and the columns filled with it: a date's qualifier, an amount's unit and upper bound). */
    void fill(FactShape shape, Cells row, Column c, SplittableRandom r, LocalDate latest) {
        switch (c.type()) {
            case REF -> {
                Entity e = pickEntity(shape, row, c, r);
                if (e != null) row.set(c.name(), e.id());
            }
            case REFS -> {
                int p = r.nextInt(100);
                int n = p < 70 ? 1 : p < 90 ? 2 : 3;
                List<Entity> picked = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Entity e = pickEntity(shape, row, c, r);
                    if (e == null) break;
                    picked.add(e);
                    row.setList(c.name(), picked);
                }
            }
            case ENUM -> row.set(c.name(), shape.values(c).pick(r));
            case DATE -> date(shape, row, c, r, latest);
            case DECIMAL -> {
                String unit = c.unit() == null ? null : shape.units(c.unit()).pick(r);
                String amount = Amounts.amount(unit, r);
                row.set(c.name(), amount);
                if (unit != null) row.set(c.unit(), unit);
                if (c.upperBound() != null && (shape.forced.contains(c.upperBound()) || r.nextDouble() < RANGE_RATE)) {
                    row.set(c.upperBound(), Amounts.above(amount, r));
                }
            }
            case CURRENCY -> row.set(c.name(), Amounts.units(c.alsoAllowed()).pick(r));
            case LANGUAGE -> row.set(c.name(), r.nextBoolean() ? "en" : "fr");
            case TEXT -> row.set(c.name(), fit(NOTES[r.nextInt(NOTES.length)], c.maxLength()));
            case TEXT_LIST -> row.set(c.name(), NOTES[r.nextInt(NOTES.length)] + (r.nextBoolean() ? "" : "|" + NOTES[r.nextInt(NOTES.length)]));
            case SLUG -> row.set(c.name(), c.name().replace('_', '-') + "-" + (1 + r.nextInt(999)));
            case ARTICLE_ID -> { }
        }
    }

    private void date(FactShape shape, Cells row, Column c, SplittableRandom r, LocalDate latest) {
        String iso = c.notBefore() != null && row.has(c.notBefore())
                ? Dates.notBefore(row.get(c.notBefore()), latest, r)
                : Dates.before(latest, YEARS_BACK, r);
        if (iso == null && shape.forced.contains(c.name())) iso = row.get(c.notBefore()).substring(0, 4);
        if (iso == null) return;
        row.set(c.name(), iso);
        if (c.qualifier() != null && (shape.forced.contains(c.qualifier()) || iso.length() < 10 && r.nextDouble() < QUALIFIER_RATE)) {
            row.set(c.qualifier(), shape.values(shape.table.column(c.qualifier())).pick(r));
        }
    }

    /**
     * An entity for a reference column, popular ones more often, not one the row names already
     * (in any reference column) where that can be avoided, and never one a column that must not
     * share ids with this one names. Null when there is none.
     */
    Entity pickEntity(FactShape shape, Cells row, Column c, SplittableRandom r) {
        List<Entity> named = named(shape, row);
        Pool pool = shape.pool(c);
        Entity e = pool.pickExcept(r, named);
        if (e != null) return e;
        e = pool.pick(r);
        if (row.list(c.name()).contains(e.id())) return null;
        for (Column other : shape.table.columns()) {
            boolean disjoint = c.name().equals(other.disjointFrom()) || other.name().equals(c.disjointFrom());
            if (disjoint && row.list(other.name()).contains(e.id())) return null;
        }
        return e;
    }

    /** The entities a row names in its reference columns. */
    List<Entity> named(FactShape shape, Cells row) {
        List<Entity> named = new ArrayList<>();
        for (Column ref : shape.references) {
            for (String id : row.list(ref.name())) {
                Entity e = entities.find(id);
                if (e != null) named.add(e);
            }
        }
        return named;
    }

    /** The entity a claim is mainly about: the first it names in a column identifying its event, else the first it names; or null. */
    Entity mainEntity(FactShape shape, Cells claim) {
        Entity first = null;
        for (Column c : shape.references) {
            for (String id : claim.list(c.name())) {
                Entity e = entities.find(id);
                if (e == null) continue;
                if (c.identifiesEvent()) return e;
                if (first == null) first = e;
            }
        }
        return first;
    }

    /** Cuts a text that is too long at a word boundary; {@code max} 0 means no limit. */
    static String fit(String text, int max) {
        if (max <= 0 || text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max);
        return (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max)).strip();
    }
}
