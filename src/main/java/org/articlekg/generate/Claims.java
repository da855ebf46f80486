package org.articlekg.generate;

import static org.articlekg.load.Kind.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.articlekg.load.Kind;

/**
 * Makes fact rows (claims) of every kind, with realistic values: who is involved (popular
 * entities more often), amounts, dates no later than the articles that report them, and
 * statuses. {@link #dispute} makes a second, conflicting version of a claim.
 */
final class Claims {
    /** How often each kind of fact is reported, relative to the others. */
    static Choice<Kind> kinds() {
        LinkedHashMap<Kind, Double> w = new LinkedHashMap<>();
        w.put(FOUNDING, 4.0);
        w.put(ROLE, 22.0);
        w.put(INVESTMENT, 16.0);
        w.put(LAWSUIT, 8.0);
        w.put(PROPOSAL, 11.0);
        w.put(DEPARTURE, 9.0);
        w.put(OBSERVATION, 14.0);
        w.put(RELEASE, 12.0);
        for (Kind k : Kind.values()) {
            if (k.isFact() && !w.containsKey(k)) throw new IllegalStateException("no weight for fact kind " + k);
        }
        return Choice.of(w);
    }

    /** The column naming the entity a claim is mainly about (for titles). */
    private static final Map<Kind, String> MAIN = new EnumMap<>(Map.of(FOUNDING, "organization", ROLE, "person",
            INVESTMENT, "investor", LAWSUIT, "plaintiffs", PROPOSAL, "proposer", DEPARTURE, "person",
            OBSERVATION, "subject", RELEASE, "product"));

    private static final String[] ALLEGATIONS = {
            "Breach of contract over the terms of an early agreement.",
            "Misuse of trade secrets taken by former employees.",
            "Copyright infringement through training data.",
            "Anticompetitive practices in a partnership deal.",
            "Abandonment of the founding mission for profit.",
            "Defamation in public statements.",
            "Patent infringement.",
            "Misleading investors about the company's finances."};
    private static final String[] TERMS = {
            "Majority of the equity and control of the board.",
            "Exclusive licence to the models for five years.",
            "All-share deal valuing the target at a premium.",
            "Joint development of products and shared revenue.",
            "Cloud computing capacity in exchange for equity.",
            "Creation of a for-profit subsidiary under the non-profit's control."};
    private static final String[] REASONS = {
            "Disagreement with the board over strategy.",
            "Conflict of interest with another company he runs.",
            "Left to found a competitor.",
            "Dismissed by the board.",
            "Personal reasons.",
            "Retirement.",
            "Concerns about safety and the pace of development."};

    private final Entities entities;
    private final Choice<String> titles = Choice.column(ROLE, "title", 1, "ceo", 3, "board_member", 2, "cofounder", 2,
            "researcher", 3, "employee", 3, "owner", 0.5);
    private final Choice<String> qualifiers = Choice.column(FOUNDING, "date_qualifier", 1);
    private final Choice<String> investmentKinds = Choice.column(INVESTMENT, "kind", 1, "equity", 5, "funding", 4);
    private final Choice<String> investmentStatus = Choice.column(INVESTMENT, "status", 0.4, "completed", 10,
            "offered", 1.2, "rejected", 0.8, "pledged", 0.5, "partial", 0);
    private final Choice<String> pledgeStatus = Choice.column(INVESTMENT, "status", 0, "pledged", 3, "partial", 1, "cancelled", 1);
    private final Choice<String> lawsuitStatus = Choice.column(LAWSUIT, "status", 1, "filed", 3, "ongoing", 4);
    private final Choice<String> proposalKinds = Choice.column(PROPOSAL, "kind", 1, "partnership", 3, "acquisition", 2);
    private final Choice<String> proposalStatus = Choice.column(PROPOSAL, "status", 1, "proposed", 2, "completed", 2);
    private final Choice<String> roleStatus = Choice.column(ROLE, "status", 1, "current", 6, "uncertain", 1);
    private final Choice<String> measures = Choice.column(OBSERVATION, "measure", 1, "valuation", 3);
    private final Choice<String> bounds = Choice.column(OBSERVATION, "bound", 1, "exact", 4, "at_least", 3, "approximate", 2);
    private final Choice<String> ownReleases = Choice.column(RELEASE, "kind", 1, "launch", 5, "announcement", 2, "integration", 0);
    private final Choice<String> currencies = Choice.of(weights("USD", 70, "EUR", 25, "GBP", 5));

    Claims(Entities entities) {
        this.entities = entities;
        // Values the generator reasons about must exist in the schema.
        for (String[] v : new String[][] {{"legal_form", "nonprofit"}, {"legal_form", "for_profit"}, {"legal_form", "capped_profit"}}) {
            Choice.column(FOUNDING, v[0], 1, v[1], 1);
        }
        Choice.column(INVESTMENT, "kind", 1, "pledge", 1, "donation", 1);
        Choice.column(ROLE, "status", 1, "former", 1);
        Choice.column(RELEASE, "kind", 1, "integration", 1);
    }

    /** The entity a claim is mainly about. */
    Entity mainEntity(Cells claim) {
        return entities.byId(claim.list(MAIN.get(claim.kind())).get(0));
    }

    /** A new claim of {@code kind}, dated no later than {@code latest}; its id is left for the caller. */
    Cells make(Kind kind, SplittableRandom r, LocalDate latest) {
        Cells c = new Cells(kind);
        switch (kind) {
            case FOUNDING -> founding(c, r, latest);
            case ROLE -> role(c, r, latest);
            case INVESTMENT -> investment(c, r, latest);
            case LAWSUIT -> lawsuit(c, r, latest);
            case PROPOSAL -> proposal(c, r, latest);
            case DEPARTURE -> departure(c, r, latest);
            case OBSERVATION -> observation(c, r, latest);
            case RELEASE -> release(c, r, latest);
            default -> throw new IllegalArgumentException("not a fact kind: " + kind);
        }
        return c;
    }

    private void founding(Cells c, SplittableRandom r, LocalDate latest) {
        Entity org = entities.nextToFound();
        c.set("organization", org.id());
        List<Entity> founders = new ArrayList<>();
        int f = r.nextInt(100);
        if (org.related() != null && f < 60) {
            founders.add(org.related());
        } else if (f < 85) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                Entity p = entities.people.pickExcept(r, founders);
                if (p != null) founders.add(p);
            }
        }
        c.setList("founders", founders);
        if (r.nextInt(100) < 85) date(c, "date", "date_qualifier", r, latest, 10);
        if (r.nextInt(100) < 70) {
            String legal = switch (org.type()) {
                case "nonprofit" -> "nonprofit";
                case "company" -> r.nextInt(20) == 0 ? "capped_profit" : "for_profit";
                default -> null;
            };
            c.set("legal_form", legal);
        }
    }

    private void role(Cells c, SplittableRandom r, LocalDate latest) {
        c.set("person", entities.people.pick(r).id()).set("organization", entities.orgs.pick(r).id())
                .set("title", titles.pick(r));
        if (r.nextInt(100) < 60) {
            date(c, "start", "start_qualifier", r, latest, 12);
            int startYear = Dates.year(c.get("start"));
            if (r.nextInt(100) < 30 && startYear < latest.getYear()) {
                int endYear = Math.min(latest.getYear(), startYear + 1 + r.nextInt(6));
                c.set("end", endYear < latest.getYear() && r.nextBoolean()
                        ? String.format("%04d-%02d", endYear, 1 + r.nextInt(12)) : Integer.toString(endYear));
            }
        }
        if (c.has("end")) c.set("status", "former");
        else if (r.nextInt(100) < 75) c.set("status", roleStatus.pick(r));
    }

    private void investment(Cells c, SplittableRandom r, LocalDate latest) {
        Entity investor = r.nextInt(100) < 30 ? entities.people.pick(r) : entities.funders.pick(r);
        Entity investee = entities.investees.pickExcept(r, List.of(investor));
        c.set("investor", investor.id()).set("investee", investee.id());
        String kind = investee.type().equals("nonprofit") && r.nextBoolean() ? "donation" : investmentKinds.pick(r);
        c.set("kind", kind).set("status", kind.equals("pledge") ? pledgeStatus.pick(r) : investmentStatus.pick(r));
        if (r.nextInt(100) < 85) {
            BigDecimal amount = logUniform(r, 1e5, 2e10);
            c.set("amount", plain(amount)).set("currency", currencies.pick(r));
            if (r.nextInt(100) < 10) c.set("amount_max", plain(round(amount.multiply(BigDecimal.valueOf(1.5 + r.nextDouble() * 1.5)))));
        }
        if (r.nextInt(100) < 80) date(c, "date", "date_qualifier", r, latest, 6);
    }

    private void lawsuit(Cells c, SplittableRandom r, LocalDate latest) {
        List<Entity> plaintiffs = new ArrayList<>();
        plaintiffs.add(entities.actors.pick(r));
        if (r.nextInt(100) < 20) add(plaintiffs, entities.actors.pickExcept(r, plaintiffs));
        List<Entity> taken = new ArrayList<>(plaintiffs);
        List<Entity> defendants = new ArrayList<>();
        add(defendants, entities.actors.pickExcept(r, taken));
        taken.addAll(defendants);
        if (r.nextInt(100) < 30) add(defendants, entities.actors.pickExcept(r, taken));
        c.setList("plaintiffs", plaintiffs).setList("defendants", defendants).set("status", lawsuitStatus.pick(r));
        if (r.nextInt(100) < 75) date(c, "date", "date_qualifier", r, latest, 5);
        if (r.nextInt(100) < 70) c.set("allegations", ALLEGATIONS[r.nextInt(ALLEGATIONS.length)]);
    }

    private void proposal(Cells c, SplittableRandom r, LocalDate latest) {
        Entity proposer = entities.actors.pick(r);
        List<Entity> taken = new ArrayList<>(List.of(proposer));
        c.set("kind", proposalKinds.pick(r)).set("proposer", proposer.id());
        if (r.nextInt(100) < 80) {
            Entity target = entities.actors.pickExcept(r, taken);
            if (target != null) {
                c.set("target", target.id());
                taken.add(target);
            }
        }
        if (r.nextInt(100) < 20) {
            List<Entity> parties = new ArrayList<>();
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                Entity p = r.nextBoolean() ? entities.productPool.pickExcept(r, taken) : entities.actors.pickExcept(r, taken);
                if (p != null) {
                    parties.add(p);
                    taken.add(p);
                }
            }
            c.setList("parties", parties);
        }
        c.set("status", proposalStatus.pick(r));
        if (r.nextInt(100) < 80) date(c, "date", "date_qualifier", r, latest, 5);
        if (r.nextInt(100) < 50) c.set("terms", TERMS[r.nextInt(TERMS.length)]);
    }

    private void departure(Cells c, SplittableRandom r, LocalDate latest) {
        c.set("person", entities.people.pick(r).id()).set("organization", entities.orgs.pick(r).id());
        if (r.nextInt(100) < 60) c.set("title", titles.pick(r));
        if (r.nextInt(100) < 80) date(c, "date", "date_qualifier", r, latest, 6);
        if (r.nextInt(100) < 50) c.set("reason", REASONS[r.nextInt(REASONS.length)]);
    }

    private void observation(Cells c, SplittableRandom r, LocalDate latest) {
        String measure = measures.pick(r);
        boolean money = measure.equals("valuation") || measure.equals("market_capitalisation");
        Entity subject = money || r.nextInt(100) < 20 ? entities.companies.pick(r) : entities.productPool.pick(r);
        BigDecimal value = money ? logUniform(r, 1e7, 1e12) : logUniform(r, 1e4, 8e8);
        c.set("subject", subject.id()).set("measure", measure).set("value", plain(value)).set("bound", bounds.pick(r))
                .set("unit", money ? currencies.pick(r) : "people");
        if (r.nextInt(100) < 92) date(c, "date", "date_qualifier", r, latest, 2);
    }

    private void release(Cells c, SplittableRandom r, LocalDate latest) {
        Entity product = entities.productPool.pick(r);
        Entity maker = product.related();
        if (maker != null && r.nextInt(100) < 85) {
            c.set("organization", maker.id()).set("kind", ownReleases.pick(r));
        } else {
            Entity other = entities.companies.pickExcept(r, maker == null ? List.of() : List.of(maker));
            c.set("organization", (other != null ? other : maker).id()).set("kind", other != null ? "integration" : "launch");
        }
        c.set("product", product.id());
        if (r.nextInt(100) < 85) date(c, "date", "date_qualifier", r, latest, 4);
    }

    /**
     * A second version of {@code claim} that conflicts with it on one compared column: a date a year
     * or two apart, another amount or value, another status, title or kind. The claim itself may
     * gain the value the two disagree on (a date when it had none). The variant's id and both
     * events are left for the caller.
     */
    Cells dispute(Cells claim, SplittableRandom r, LocalDate latest) {
        Cells d = claim.copy();
        int p = r.nextInt(100);
        String column = switch (claim.kind()) {
            case FOUNDING -> p < 60 || !claim.has("legal_form") ? disputeDate(claim, d, "date", r, latest, 10)
                    : disputeValue(claim, d, "legal_form", Choice.column(FOUNDING, "legal_form", 1), r);
            case ROLE -> p < 50 ? disputeDate(claim, d, "start", r, latest, 12) : disputeValue(claim, d, "title", titles, r);
            case INVESTMENT -> p < 60 ? disputeAmount(claim, d, r)
                    : p < 85 ? disputeDate(claim, d, "date", r, latest, 6)
                    : disputeValue(claim, d, "status", claim.get("kind").equals("pledge") ? pledgeStatus : investmentStatus, r);
            case LAWSUIT -> p < 60 ? disputeDate(claim, d, "date", r, latest, 5) : disputeValue(claim, d, "status", lawsuitStatus, r);
            case PROPOSAL -> p < 50 ? disputeDate(claim, d, "date", r, latest, 5) : disputeValue(claim, d, "status", proposalStatus, r);
            case DEPARTURE -> p < 70 ? disputeDate(claim, d, "date", r, latest, 6) : disputeValue(claim, d, "title", titles, r);
            case OBSERVATION -> p < 80 ? disputeValue(claim, d, r) : disputeDate(claim, d, "date", r, latest, 2);
            case RELEASE -> p < 70 || claim.get("kind").equals("integration") ? disputeDate(claim, d, "date", r, latest, 4)
                    : disputeValue(claim, d, "kind", ownReleases, r);
            default -> throw new IllegalArgumentException("not a fact kind: " + claim.kind());
        };
        d.set("note", "Reports the event differently from " + claim.get("id") + " (" + column.replace('_', ' ') + ").");
        return d;
    }

    /** Gives the claim a date if it has none; the variant's is a year or two earlier. */
    private String disputeDate(Cells claim, Cells d, String column, SplittableRandom r, LocalDate latest, int yearsBack) {
        if (!claim.has(column)) date(claim, column, null, r, latest, yearsBack);
        d.set(column, Dates.shiftYear(claim.get(column), -(1 + r.nextInt(2))));
        return column;
    }

    private String disputeValue(Cells claim, Cells d, String column, Choice<String> values, SplittableRandom r) {
        if (!claim.has(column)) claim.set(column, values.pick(r));
        d.set(column, values.pickOtherThan(claim.get(column), r));
        return column;
    }

    /** Another figure, a figure where the claim has none, or no figure where it has one. */
    private String disputeAmount(Cells claim, Cells d, SplittableRandom r) {
        d.set("amount_max", null);
        if (!claim.has("amount")) {
            d.set("amount", plain(logUniform(r, 1e6, 1e10))).set("currency", currencies.pick(r));
        } else if (r.nextInt(100) < 25) {
            d.set("amount", null).set("currency", null);
        } else {
            d.set("amount", plain(different(new BigDecimal(claim.get("amount")), r)));
        }
        return "amount";
    }

    private String disputeValue(Cells claim, Cells d, SplittableRandom r) {
        d.set("value", plain(different(new BigDecimal(claim.get("value")), r)));
        return "value";
    }

    /** A date column (and maybe its qualifier) at most {@code yearsBack} years before {@code latest}. */
    private void date(Cells c, String column, String qualifierColumn, SplittableRandom r, LocalDate latest, int yearsBack) {
        String iso = Dates.before(latest, yearsBack, r);
        c.set(column, iso);
        if (qualifierColumn != null && iso.length() < 10 && r.nextInt(100) < 8) c.set(qualifierColumn, qualifiers.pick(r));
    }

    private static void add(List<Entity> list, Entity e) {
        if (e != null) list.add(e);
    }

    /** A figure clearly different from {@code v}: half to nine tenths of it, or 1.2 to 2.5 times. */
    private static BigDecimal different(BigDecimal v, SplittableRandom r) {
        double factor = r.nextBoolean() ? 0.5 + r.nextDouble() * 0.4 : 1.2 + r.nextDouble() * 1.3;
        BigDecimal d = round(v.multiply(BigDecimal.valueOf(factor)));
        return d.compareTo(v) == 0 ? v.add(BigDecimal.ONE) : d;
    }

    /** A round figure between {@code min} and {@code max}, spread evenly over orders of magnitude. */
    static BigDecimal logUniform(SplittableRandom r, double min, double max) {
        double v = Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max) - Math.log(min)));
        return round(BigDecimal.valueOf(v));
    }

    /** Two significant digits, no fraction: how articles give figures. */
    static BigDecimal round(BigDecimal v) {
        return v.round(new MathContext(2, RoundingMode.HALF_UP)).setScale(0, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static LinkedHashMap<String, Double> weights(Object... pairs) {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        return m;
    }
}
