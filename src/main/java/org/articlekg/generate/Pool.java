package org.articlekg.generate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Entities to pick from, each with the chance of its {@link Entity#popularity()}: picking from a
 * pool of many entities returns a few of them very often and most of them rarely.
 */
final class Pool {
    private final List<Entity> members;
    private final double[] cumulative;

    Pool(List<Entity> members) {
        if (members.isEmpty()) throw new IllegalArgumentException("empty pool");
        this.members = List.copyOf(members);
        this.cumulative = new double[members.size()];
        double sum = 0;
        for (int i = 0; i < members.size(); i++) {
            sum += members.get(i).popularity();
            cumulative[i] = sum;
        }
    }

    /** The members of {@code all} that pass {@code test}, in order. */
    static Pool of(Collection<Entity> all, Predicate<Entity> test) {
        List<Entity> members = new ArrayList<>();
        for (Entity e : all) if (test.test(e)) members.add(e);
        return new Pool(members);
    }

    int size() { return members.size(); }

    /** The members, in order. */
    List<Entity> members() { return members; }

    Entity pick(SplittableRandom r) {
        return members.get(Weights.pick(cumulative, r));
    }

    /** A member not in {@code excluded}, or null when every member is. */
    Entity pickExcept(SplittableRandom r, Collection<Entity> excluded) {
        for (int attempt = 0; attempt < 32; attempt++) {
            Entity e = pick(r);
            if (!excluded.contains(e)) return e;
        }
        for (Entity e : members) if (!excluded.contains(e)) return e;
        return null;
    }
}
