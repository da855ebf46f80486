package org.articlekg.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.articlekg.load.Column;
import org.articlekg.load.ValueType;

/**
 * Second claims about the event of a claim, made from the declarations: one that conflicts with
 * it on a compared column, one that refines it (a finer date inside its period, a narrower
 * concept, a longer list of participants), or one that agrees with it. The second claim keeps the
 * columns that identify the event; the first may gain the value they differ on (a date when it
 * had none). Ids and events are the caller's to set.
 */
final class Versions {
    /** How the second claim relates to the first. */
    enum Relation { CONFLICT, REFINEMENT, AGREEMENT }

    private final Claims claims;

    Versions(Claims claims) {
        this.claims = claims;
    }

    /** A second claim of {@code relation} to {@code claim}, or null when its kind offers no column to make one on. */
    Cells make(Relation relation, FactShape shape, Cells claim, SplittableRandom r, LocalDate latest) {
        return switch (relation) {
            case CONFLICT -> conflict(shape, claim, r, latest);
            case REFINEMENT -> refinement(shape, claim, r, latest);
            case AGREEMENT -> agreement(shape, claim, r);
        };
    }

    private Cells conflict(FactShape shape, Cells claim, SplittableRandom r, LocalDate latest) {
        for (Column c : shuffled(shape.disputable, r)) {
            if (!claim.has(c.name()) && c.type() == ValueType.DATE && !datesFree(shape, claim, c)) continue;
            if (!claim.has(c.name())) gain(shape, claim, c, r, latest);
            if (!claim.has(c.name())) continue;
            Cells v = claim.copy();
            String value = claim.get(c.name());
            switch (c.type()) {
                case DATE -> v.set(c.name(), Dates.shiftYear(value, -(1 + r.nextInt(2))));
                case DECIMAL -> {
                    v.set(c.name(), Amounts.different(value, r));
                    if (c.upperBound() != null) {
                        v.set(c.upperBound(), shape.forced.contains(c.upperBound()) ? Amounts.above(v.get(c.name()), r) : null);
                    }
                }
                case ENUM -> {
                    List<String> others = new ArrayList<>();
                    for (String o : c.values().keySet()) if (!o.equals(value) && !related(shape, c, o, value)) others.add(o);
                    if (others.isEmpty()) continue;
                    v.set(c.name(), others.get(r.nextInt(others.size())));
                }
                default -> { // REF, REFS: someone else, named nowhere in the claim
                    Entity e = shape.pool(c).pickExcept(r, claims.named(shape, claim));
                    if (e == null) continue;
                    v.set(c.name(), e.id());
                }
            }
            return noted(v, "Reports the event differently from " + claim.get("id") + " (" + c.name().replace('_', ' ') + ").");
        }
        return null;
    }

    private Cells refinement(FactShape shape, Cells claim, SplittableRandom r, LocalDate latest) {
        for (Column c : shuffled(shape.disputable, r)) {
            Cells v = claim.copy();
            if (c.type() == ValueType.DATE && datesFree(shape, claim, c)) {
                if (c.qualifier() != null && shape.forced.contains(c.qualifier())) continue;
                String iso = claim.has(c.name()) ? claim.get(c.name()) : Dates.before(latest, Claims.YEARS_BACK, r);
                String coarser = iso;
                String finer = iso.length() == 10 ? iso : Dates.inside(iso, latest, r);
                if (finer == null) continue;
                if (iso.length() == 10) coarser = iso.substring(0, r.nextBoolean() ? 4 : 7);
                claim.set(c.name(), coarser);
                v.set(c.name(), finer);
                if (c.qualifier() != null) { // a qualified date ("early 2019") is not refined by a day
                    claim.set(c.qualifier(), null);
                    v.set(c.qualifier(), null);
                }
            } else if (c.type() == ValueType.ENUM && !shape.narrower.get(c.name()).isEmpty()) {
                List<String[]> pairs = shape.narrower.get(c.name());
                String[] pair = pairs.get(r.nextInt(pairs.size()));
                claim.set(c.name(), pair[1]);
                v.set(c.name(), pair[0]);
            } else if (c.type() == ValueType.REFS) {
                if (!claim.has(c.name())) claims.fill(shape, claim, c, r, latest);
                Entity more = shape.pool(c).pickExcept(r, claims.named(shape, claim));
                if (!claim.has(c.name()) || more == null) continue;
                List<String> longer = new ArrayList<>(claim.list(c.name()));
                longer.add(more.id());
                v.setList(c.name(), longer);
            } else {
                continue;
            }
            return noted(v, "Says more precisely what " + claim.get("id") + " says (" + c.name().replace('_', ' ') + ").");
        }
        return null;
    }

    /** The same claim as another article reports it, maybe without one detail. */
    private Cells agreement(FactShape shape, Cells claim, SplittableRandom r) {
        Cells v = claim.copy();
        if (r.nextBoolean()) {
            List<Column> optional = new ArrayList<>();
            for (Column c : shape.first) {
                boolean plain = c.type() == ValueType.ENUM || c.type() == ValueType.TEXT || c.type().isReference();
                if (plain && !shape.forced.contains(c.name()) && !c.identifiesEvent() && claim.has(c.name()) && !needed(shape, c)) {
                    optional.add(c);
                }
            }
            if (!optional.isEmpty()) v.set(optional.get(r.nextInt(optional.size())).name(), null);
        }
        return v;
    }

    /** Gives the claim a value in a column it has none in, with the columns that go with it. */
    private void gain(FactShape shape, Cells claim, Column c, SplittableRandom r, LocalDate latest) {
        claims.fill(shape, claim, c, r, latest);
        if (!claim.has(c.name())) return;
        for (Column d : shape.then) if (c.name().equals(d.requiredWith())) claims.then(shape, claim, d, r, latest);
    }

    /** Whether two values of an enumeration are one narrower than the other (a refinement, not a conflict). */
    private static boolean related(FactShape shape, Column c, String a, String b) {
        for (String[] p : shape.narrower.get(c.name())) {
            if ((p[0].equals(a) && p[1].equals(b)) || (p[0].equals(b) && p[1].equals(a))) return true;
        }
        return false;
    }

    /** Whether no other filled date must stay after or before this one. */
    private static boolean datesFree(FactShape shape, Cells claim, Column c) {
        for (Column d : shape.table.columns()) {
            if (c.name().equals(d.notBefore()) && claim.has(d.name())) return false;
        }
        return true;
    }

    /** Whether another column is required with this one, so that it cannot be left out alone. */
    private static boolean needed(FactShape shape, Column c) {
        for (Column d : shape.table.columns()) if (c.name().equals(d.requiredWith())) return true;
        return false;
    }

    private static Cells noted(Cells v, String note) {
        if (v.table().has("note")) v.set("note", note);
        return v;
    }

    private static List<Column> shuffled(List<Column> columns, SplittableRandom r) {
        List<Column> copy = new ArrayList<>(columns);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Column t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }
}
