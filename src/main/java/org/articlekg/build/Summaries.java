package org.articlekg.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;
import org.articlekg.load.Kind;
import org.articlekg.vocab.AKG;

/**
 * What the whole-graph reports need, computed once at build time from the stream of the facts
 * graph, so that queries read a value instead of grouping every claim of the graph (as Wikidata
 * keeps per-item counts). Written into the summary named graph ({@code {base}graph/summary}):
 * <ul>
 *   <li>per claim and per event: {@code akg:disputed} (the claim conflicts with another claim;
 *       the event has a disagreement) and {@code akg:lastReported} (the date of the latest
 *       article reporting it; the earliest is {@code akg:reportedDate}, in the facts graph with
 *       the numbers of articles and origins);</li>
 *   <li>per article: {@code akg:factCount}, {@code akg:eventCount},
 *       {@code akg:singleSourceEventCount} (events no other article reports) and
 *       {@code akg:disputedFactCount}, zero included;</li>
 *   <li>per entity named by a claim: {@code akg:factCount} (the claims that name it) and
 *       {@code akg:firstReported} / {@code akg:lastReported} (its claims' articles' dates);</li>
 *   <li>ranks, the positions (from 1) of the reports' items in their order, so that a report
 *       reads its items in order from the rank's index and the rest for its page only
 *       (queries/README): {@code akg:dateRank} (claims:
 *       dated first, by date, then label; articles: by date, then title), {@code akg:supportRank}
 *       (claims and events: by number of independent origins, of articles, kind, label),
 *       {@code akg:kindRank} (claims: by kind, then dated first by date or start, then label),
 *       {@code akg:coverageRank} (entities named by a claim: most claims first, then label) and
 *       {@code akg:nameRank} (every entity: by its class's label, then its label). Ties end on
 *       the IRI, so every rank is a total order.</li>
 * </ul>
 * The triples pass through unchanged; only what the summaries need is kept: each claim, event,
 * article and entity IRI once, compactly, numbers, and the labels and dates the ranks sort by.
 *
 * <pre>{@code
 * Summaries summaries = new Summaries(iris, model, ontologyGraph);
 * loader.load(summaries.observe(factsStream));
 * summaries.write(summaryStream);
 * }</pre>
 */
public final class Summaries {
    private static final Node TYPE = RDF.type.asNode();

    /** The role of each kind, by the segment its IRIs are minted under ({@code {base}id/segment/...}). */
    private final Map<String, Kind.Role> roles = new HashMap<>();
    private final String idNamespace;
    /** The last subject seen and its role: a claim's or an entity's statements come one after another. */
    private Node lastSubject;
    private Kind.Role lastRole;

    private final Numbering articles = new Numbering();
    private final Numbering entities = new Numbering();
    private final Numbering claims = new Numbering();
    private final Numbering events = new Numbering();
    /** Each article's node, by number. */
    private final List<Node> articleNodes = new ArrayList<>();
    private final Map<Integer, Node> articleDateNodes = new HashMap<>();
    private int[] claimEvent = new int[1024];
    private final List<int[]> claimArticles = new ArrayList<>();
    private final java.util.BitSet claimDisputed = new java.util.BitSet();
    private final java.util.BitSet eventDisputed = new java.util.BitSet();
    /** Pairs (entity number, claim number), as longs. */
    private long[] mentions = new long[1024];
    private int mentionCount;
    private final java.util.Set<Node> disagreements = new java.util.HashSet<>();
    private final String eventPrefix;
    /** The English label of each class of the ontology: the kinds' and the entities' classes. */
    private final Map<Node, String> classLabels = new HashMap<>();
    /** What the ranks sort by, by number: claims', events', entities' and articles' own. */
    private final Keys claimKeys = new Keys();
    private final Keys eventKeys = new Keys();
    private final Keys entityKeys = new Keys();
    private final Keys articleKeys = new Keys();
    /** Each date qualifier's notation ("early", "late" ...), from the ontology. */
    private final Map<Node, String> qualifierNotations = new HashMap<>();
    private final Timeline timeline = new Timeline();

    /**
     * Summaries of a graph whose IRIs {@code iris} mints for the kinds of {@code model}; the
     * class labels the ranks sort kinds and entity types by are read from {@code ontology}.
     */
    public Summaries(Iris iris, FactModel model, org.apache.jena.graph.Graph ontology) {
        eventPrefix = iris.eventNamespace();
        idNamespace = iris.idNamespace();
        ontology.find(Node.ANY, RDFS.label.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral() && "en".equals(t.getObject().getLiteralLanguage())) {
                classLabels.putIfAbsent(t.getSubject(), t.getObject().getLiteralLexicalForm());
            }
        });
        ontology.find(Node.ANY, SKOS.notation.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral()) qualifierNotations.put(t.getSubject(), t.getObject().getLiteralLexicalForm());
        });
        for (Kind k : model.kinds()) roles.put(k.segment(), k.role());
    }

    /** A stream that passes every triple on to {@code out} and keeps what the summaries need. */
    public StreamRDF observe(StreamRDF out) {
        return new StreamRDFWrapper(out) {
            @Override
            public void triple(Triple t) {
                see(t);
                other.triple(t);
            }
        };
    }

    private void see(Triple t) {
        Node s = t.getSubject();
        Node p = t.getPredicate();
        Node o = t.getObject();
        if (!s.isURI()) return;
        String subject = s.getURI();
        if (s != lastSubject) {
            lastSubject = s;
            lastRole = roleOf(subject);
        }
        Kind.Role role = lastRole;
        if (role == Kind.Role.FACT) {
            int claim = claims.number(s);
            if (p.equals(TYPE)) {
                claimKeys.kind(claim, classLabels.get(o));
            } else if (isEnglishLabel(p, o)) {
                claimKeys.label(claim, o.getLiteralLexicalForm());
            } else if (p.equals(AKG.date) && o.isLiteral()) {
                timeline.date(claim, Timeline.DATE, o.getLiteralLexicalForm());
            } else if (p.equals(AKG.startDate) && o.isLiteral()) {
                timeline.date(claim, Timeline.START, o.getLiteralLexicalForm());
            } else if (p.equals(AKG.endDate) && o.isLiteral()) {
                timeline.date(claim, Timeline.END, o.getLiteralLexicalForm());
            } else if (p.equals(AKG.reportedDate) && o.isLiteral()) {
                timeline.date(claim, Timeline.REPORTED, o.getLiteralLexicalForm());
            } else if (p.equals(AKG.dateQualifier)) {
                timeline.qualifier(claim, Timeline.DATE, qualifierNotations.get(o));
            } else if (p.equals(AKG.startQualifier)) {
                timeline.qualifier(claim, Timeline.START, qualifierNotations.get(o));
            } else if (p.equals(AKG.endQualifier)) {
                timeline.qualifier(claim, Timeline.END, qualifierNotations.get(o));
            } else if (p.equals(AKG.articleCount) && o.isLiteral()) {
                claimKeys.articles(claim, Integer.parseInt(o.getLiteralLexicalForm()));
            } else if (p.equals(AKG.originCount) && o.isLiteral()) {
                claimKeys.origins(claim, Integer.parseInt(o.getLiteralLexicalForm()));
            } else if (p.equals(AKG.event)) {
                setEvent(claim, events.number(o));
            } else if (p.equals(AKG.reportedIn)) {
                addArticle(claim, article(o));
            } else if (p.equals(AKG.conflictsWith)) {
                claimDisputed.set(claim);
            } else if (o.isURI() && !p.equals(TYPE) && roleOf(o.getURI()) == Kind.Role.ENTITY) {
                addMention(entities.number(o), claim);
            }
        } else if (role == Kind.Role.ARTICLE) {
            if (p.equals(TYPE) && o.equals(AKG.Article)) {
                article(s);
            } else if (p.equals(AKG.date) && o.isLiteral()) {
                int a = article(s);
                articleDateNodes.put(a, o);
                articleKeys.date(a, o.getLiteralLexicalForm());
            } else if (p.equals(DCTerms.title.asNode()) && o.isLiteral()) {
                articleKeys.label(article(s), o.getLiteralLexicalForm());
            }
        } else if (role == Kind.Role.ENTITY) {
            int entity = entities.number(s);
            if (p.equals(TYPE)) {
                entityKeys.kind(entity, classLabels.get(o));
            } else if (isEnglishLabel(p, o)) {
                entityKeys.label(entity, o.getLiteralLexicalForm());
            }
        } else if (subject.startsWith(eventPrefix)) {
            int e = events.number(s);
            if (p.equals(AKG.eventKind)) {
                eventKeys.kind(e, classLabels.get(o));
            } else if (isEnglishLabel(p, o)) {
                eventKeys.label(e, o.getLiteralLexicalForm());
            } else if (p.equals(AKG.originCount) && o.isLiteral()) {
                eventKeys.origins(e, Integer.parseInt(o.getLiteralLexicalForm()));
            } else if (p.equals(AKG.articleCount) && o.isLiteral()) {
                eventKeys.articles(e, Integer.parseInt(o.getLiteralLexicalForm()));
            }
        } else if (p.equals(TYPE) && o.equals(AKG.Disagreement)) {
            disagreements.add(s);
        } else if (p.equals(AKG.event) && disagreements.contains(s)) {
            eventDisputed.set(events.number(o));
        }
    }

    private static boolean isEnglishLabel(Node p, Node o) {
        return p.equals(RDFS.label.asNode()) && o.isLiteral() && "en".equals(o.getLiteralLanguage());
    }

    /** The role of the kind whose IRIs {@code iri} is minted under, or null. */
    private Kind.Role roleOf(String iri) {
        if (!iri.startsWith(idNamespace)) return null;
        int end = iri.indexOf('/', idNamespace.length());
        return end < 0 ? null : roles.get(iri.substring(idNamespace.length(), end));
    }

    private int article(Node a) {
        int n = articles.number(a);
        while (articleNodes.size() <= n) articleNodes.add(null);
        articleNodes.set(n, a);
        return n;
    }

    private void setEvent(int claim, int event) {
        if (claim >= claimEvent.length) claimEvent = Arrays.copyOf(claimEvent, Math.max(claim + 1, claimEvent.length * 2));
        claimEvent[claim] = event + 1;
    }

    private void addArticle(int claim, int article) {
        while (claimArticles.size() <= claim) claimArticles.add(null);
        int[] list = claimArticles.get(claim);
        if (list == null) {
            claimArticles.set(claim, new int[] {article});
        } else {
            for (int a : list) if (a == article) return;
            int[] longer = Arrays.copyOf(list, list.length + 1);
            longer[list.length] = article;
            claimArticles.set(claim, longer);
        }
    }

    private void addMention(int entity, int claim) {
        if (mentionCount == mentions.length) mentions = Arrays.copyOf(mentions, mentions.length * 2);
        mentions[mentionCount++] = ((long) entity << 32) | claim;
    }

    private int[] articlesOf(int claim) {
        int[] list = claim < claimArticles.size() ? claimArticles.get(claim) : null;
        return list == null ? new int[0] : list;
    }

    /** An event's number of articles; 0 for an event node named but never written. */
    private int articleCountOf(int event) {
        return eventKeys.articles(event);
    }

    private int eventOf(int claim) {
        return claim < claimEvent.length ? claimEvent[claim] - 1 : -1;
    }

    /** Writes the summaries, as triples, to {@code out} (the caller puts them into the summary graph). */
    public void write(StreamRDF out) {
        // claims: disputed, last reported; events: the same over their claims
        int[] eventLatest = new int[events.size()];
        Arrays.fill(eventLatest, -1);
        for (int c = 0; c < claims.size(); c++) {
            Node claim = claims.node(c);
            out.triple(Triple.create(claim, AKG.disputed, bool(claimDisputed.get(c))));
            int latest = -1;
            for (int a : articlesOf(c)) latest = later(latest, a);
            if (latest >= 0) out.triple(Triple.create(claim, AKG.lastReported, articleDateNodes.get(latest)));
            int e = eventOf(c);
            if (e >= 0) eventLatest[e] = later(eventLatest[e], latest);
        }
        for (int e = 0; e < events.size(); e++) {
            if (articleCountOf(e) == 0) continue; // an event node named but never written
            Node event = events.node(e);
            out.triple(Triple.create(event, AKG.disputed, bool(eventDisputed.get(e))));
            if (eventLatest[e] >= 0) out.triple(Triple.create(event, AKG.lastReported, articleDateNodes.get(eventLatest[e])));
        }
        // articles: their claims, events, single-source events and disputed claims
        int n = articles.size();
        int[] facts = new int[n];
        int[] disputedFacts = new int[n];
        List<java.util.Set<Integer>> eventsOf = new ArrayList<>(n);
        for (int a = 0; a < n; a++) eventsOf.add(new java.util.HashSet<>());
        for (int c = 0; c < claims.size(); c++) {
            int e = eventOf(c);
            for (int a : articlesOf(c)) {
                facts[a]++;
                if (claimDisputed.get(c)) disputedFacts[a]++;
                if (e >= 0) eventsOf.get(a).add(e);
            }
        }
        for (int a = 0; a < n; a++) {
            Node article = articleNodes.get(a);
            int single = 0;
            for (int e : eventsOf.get(a)) if (articleCountOf(e) == 1) single++;
            out.triple(Triple.create(article, AKG.factCount, integer(facts[a])));
            out.triple(Triple.create(article, AKG.eventCount, integer(eventsOf.get(a).size())));
            out.triple(Triple.create(article, AKG.singleSourceEventCount, integer(single)));
            out.triple(Triple.create(article, AKG.disputedFactCount, integer(disputedFacts[a])));
            eventsOf.set(a, null);
        }
        // entities: the claims that name them, and the first and last dates their articles report them
        long[] pairs = Arrays.copyOf(mentions, mentionCount);
        Arrays.sort(pairs);
        int i = 0;
        while (i < pairs.length) {
            int entity = (int) (pairs[i] >>> 32);
            int count = 0;
            int first = -1;
            int last = -1;
            long previous = -1;
            for (; i < pairs.length && (int) (pairs[i] >>> 32) == entity; i++) {
                if (pairs[i] == previous) continue; // a claim that names the entity twice counts once
                previous = pairs[i];
                count++;
                for (int a : articlesOf((int) pairs[i])) {
                    first = earlier(first, a);
                    last = later(last, a);
                }
            }
            Node node = entities.node(entity);
            out.triple(Triple.create(node, AKG.factCount, integer(count)));
            if (first >= 0) out.triple(Triple.create(node, AKG.firstReported, articleDateNodes.get(first)));
            if (last >= 0) out.triple(Triple.create(node, AKG.lastReported, articleDateNodes.get(last)));
            entityKeys.articles(entity, count); // the coverage rank's count: the claims naming it
        }
        writeRanks(out);
    }

    /** The reports' orders, each ending on the IRI. */
    private void writeRanks(StreamRDF out) {
        rank(claims, n -> claimKeys.label(n) != null, byText(n -> timeline.date(n, Timeline.DATE)).thenComparing(byText(claimKeys::label)),
                AKG.dateRank, out);
        rank(articles, n -> articleNodes.get(n) != null, byText(articleKeys::date).thenComparing(byText(articleKeys::label)),
                AKG.dateRank, out);
        rank(claims, n -> claimKeys.label(n) != null, bySupport(claimKeys), AKG.supportRank, out);
        rank(claims, n -> claimKeys.label(n) != null, byText(claimKeys::kind)
                .thenComparing(byText(timeline::dateOrStart))
                .thenComparing(byText(claimKeys::label)), AKG.kindRank, out);
        rank(events, n -> articleCountOf(n) > 0, bySupport(eventKeys), AKG.supportRank, out);
        rank(entities, n -> entityKeys.articles(n) > 0,
                Comparator.<Integer>comparingInt(n -> -entityKeys.articles(n)).thenComparing(byText(entityKeys::label)),
                AKG.coverageRank, out);
        rank(entities, n -> entityKeys.label(n) != null, byText(entityKeys::kind).thenComparing(byText(entityKeys::label)),
                AKG.nameRank, out);
        writeTimelineRanks(out);
    }

    /**
     * The timeline's rows (queries/entity-timeline.rq): a claim at its date, or at its reported
     * date when it has none, and at its start and end dates, each row's position in
     * {@code akg:timelineRank} (one property, so that the whole timeline is one index, read in
     * order), a start's and an end's also in {@code akg:timelineStartRank} and
     * {@code akg:timelineEndRank}; in the order of the date's text
     * (ISO 8601, so 2018 before 2018-03 before 2019), then "before", "early" and a reported date
     * before no qualifier, "mid" and "circa", before "late" and "after"; then kind, label, IRI.
     */
    private void writeTimelineRanks(StreamRDF out) {
        List<Long> rows = new ArrayList<>();
        for (int c = 0; c < claims.size(); c++) {
            if (claimKeys.label(c) == null) continue;
            boolean dated = false;
            for (int role : new int[] {Timeline.DATE, Timeline.START, Timeline.END}) {
                if (timeline.date(c, role) != null) {
                    rows.add(Timeline.row(c, role));
                    dated = true;
                }
            }
            if (!dated && timeline.date(c, Timeline.REPORTED) != null) rows.add(Timeline.row(c, Timeline.REPORTED));
        }
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        rows.sort(Comparator.<Long, String>comparing(r -> timeline.date(Timeline.claim(r), Timeline.role(r)), text)
                .thenComparingInt(r -> timeline.qualifierOrder(Timeline.claim(r), Timeline.role(r)))
                .thenComparing(r -> claimKeys.kind(Timeline.claim(r)), text)
                .thenComparing(r -> claimKeys.label(Timeline.claim(r)), text)
                .thenComparing((a, b) -> claims.compareIris(Timeline.claim(a), Timeline.claim(b)))
                .thenComparingInt(Timeline::role));
        for (int r = 0; r < rows.size(); r++) {
            long row = rows.get(r);
            Node claim = claims.node(Timeline.claim(row));
            Node rank = integer(r + 1);
            out.triple(Triple.create(claim, AKG.timelineRank, rank));
            if (Timeline.role(row) == Timeline.START) out.triple(Triple.create(claim, AKG.timelineStartRank, rank));
            if (Timeline.role(row) == Timeline.END) out.triple(Triple.create(claim, AKG.timelineEndRank, rank));
        }
    }

    /** By a text (a label, or an ISO 8601 date, whose text order is its time order), those without one last. */
    private static Comparator<Integer> byText(java.util.function.IntFunction<String> key) {
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        return (a, b) -> text.compare(key.apply(a), key.apply(b));
    }

    /** Fewest independent origins first, then fewest articles, then by kind and label. */
    private static Comparator<Integer> bySupport(Keys keys) {
        return Comparator.<Integer>comparingInt(n -> keys.origins(n)).thenComparingInt(n -> keys.articles(n))
                .thenComparing(byText(keys::kind)).thenComparing(byText(keys::label));
    }

    /**
     * Writes {@code property} with the position (from 1) of each node of {@code nodes} that
     * {@code ranked} accepts, in the order of {@code order} and then of the IRIs.
     */
    private static void rank(Numbering nodes, java.util.function.IntPredicate ranked, Comparator<Integer> order, Node property,
                             StreamRDF out) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) if (ranked.test(i)) list.add(i);
        list.sort(order.thenComparing((a, b) -> nodes.compareIris(a, b)));
        for (int r = 0; r < list.size(); r++) out.triple(Triple.create(nodes.node(list.get(r)), property, integer(r + 1)));
    }

    /** Of two articles (by number, -1 for none), the one with the later date; an undated one never wins. */
    private int later(int current, int candidate) {
        if (candidate < 0 || articleKeys.date(candidate) == null) return current;
        if (current < 0 || articleKeys.date(candidate).compareTo(articleKeys.date(current)) > 0) return candidate;
        return current;
    }

    private int earlier(int current, int candidate) {
        if (candidate < 0 || articleKeys.date(candidate) == null) return current;
        if (current < 0 || articleKeys.date(candidate).compareTo(articleKeys.date(current)) < 0) return candidate;
        return current;
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node bool(boolean b) {
        return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
    }

    /** What the ranks sort by, per node number: a kind or class label, a label, a date and two counts. */
    private static final class Keys {
        private final List<String> kinds = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<String> dates = new ArrayList<>();
        private int[] articles = new int[0];
        private int[] origins = new int[0];

        private static void put(List<String> list, int i, String value) {
            while (list.size() <= i) list.add(null);
            if (list.get(i) == null) list.set(i, value);
        }

        private static String get(List<String> list, int i) {
            return i < list.size() ? list.get(i) : null;
        }

        void kind(int i, String label) { if (label != null) put(kinds, i, label); }
        void label(int i, String label) { put(labels, i, label); }
        void date(int i, String date) { put(dates, i, date); }
        void articles(int i, int n) { articles = set(articles, i, n); }
        void origins(int i, int n) { origins = set(origins, i, n); }

        String kind(int i) { return get(kinds, i); }
        String label(int i) { return get(labels, i); }
        String date(int i) { return get(dates, i); }
        int articles(int i) { return i < articles.length ? articles[i] : 0; }
        int origins(int i) { return i < origins.length ? origins[i] : 0; }

        private static int[] set(int[] a, int i, int n) {
            if (i >= a.length) a = Arrays.copyOf(a, Math.max(i + 1, Math.max(16, a.length * 2)));
            a[i] = n;
            return a;
        }
    }

    /** Per claim, the dates of its timeline's rows and their qualifiers' notations. */
    private static final class Timeline {
        static final int DATE = 0, START = 1, END = 2, REPORTED = 3;
        private final List<List<String>> dates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        private final List<List<String>> qualifiers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

        /** Each date's text once: a graph has a few thousand dates for hundreds of thousands of rows. */
        private final Map<String, String> texts = new HashMap<>();

        void date(int claim, int role, String date) { Keys.put(dates.get(role), claim, texts.computeIfAbsent(date, d -> d)); }
        void qualifier(int claim, int role, String notation) { if (notation != null) Keys.put(qualifiers.get(role), claim, notation); }
        String date(int claim, int role) { return Keys.get(dates.get(role), claim); }

        /** The claim's date, or its start when it has none (a role's). */
        String dateOrStart(int claim) {
            String date = date(claim, DATE);
            return date != null ? date : date(claim, START);
        }

        /** 0 for a reported date and "before" or "early", 2 for "late" and "after", 1 otherwise. */
        int qualifierOrder(int claim, int role) {
            if (role == REPORTED) return 0;
            String q = Keys.get(qualifiers.get(role), claim);
            if ("before".equals(q) || "early".equals(q)) return 0;
            return "late".equals(q) || "after".equals(q) ? 2 : 1;
        }

        static long row(int claim, int role) { return ((long) claim << 2) | role; }
        static int claim(long row) { return (int) (row >>> 2); }
        static int role(long row) { return (int) (row & 3); }
    }

    /**
     * IRIs numbered in the order first seen, kept compactly: their UTF-8 bytes end to end in one
     * array and an open-addressing table of numbers, about 70 bytes per IRI instead of the 200
     * a map of nodes takes (a graph of 10 million quads has about a million claims and events).
     */
    private static final class Numbering {
        private byte[] bytes = new byte[1 << 12];
        private int used;
        /** Where IRI i starts in {@link #bytes}; it ends where IRI i + 1 starts. */
        private int[] starts = new int[1 << 8];
        private int size;
        /** Number + 1 of the IRI in each slot, 0 for an empty slot; at most half full. */
        private int[] table = new int[1 << 8];
        /** The last node numbered, and its number: the statements of one node come together. */
        private Node last;
        private int lastNumber;

        int number(Node n) {
            if (n == last) return lastNumber;
            int number = lookUp(n);
            last = n;
            lastNumber = number;
            return number;
        }

        private int lookUp(Node n) {
            byte[] iri = n.getURI().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int mask = table.length - 1;
            int slot = Arrays.hashCode(iri) & mask;
            for (; table[slot] != 0; slot = (slot + 1) & mask) {
                if (same(table[slot] - 1, iri)) return table[slot] - 1;
            }
            if (used + iri.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + iri.length));
            if (size + 2 > starts.length) starts = Arrays.copyOf(starts, starts.length * 2);
            System.arraycopy(iri, 0, bytes, used, iri.length);
            starts[size] = used;
            used += iri.length;
            starts[size + 1] = used;
            table[slot] = ++size;
            if (size * 2 > table.length) rehash();
            return size - 1;
        }

        private boolean same(int i, byte[] iri) {
            return Arrays.equals(bytes, starts[i], starts[i + 1], iri, 0, iri.length);
        }

        private void rehash() {
            int[] larger = new int[table.length * 2];
            int mask = larger.length - 1;
            for (int i = 0; i < size; i++) {
                int slot = Arrays.hashCode(Arrays.copyOfRange(bytes, starts[i], starts[i + 1])) & mask;
                while (larger[slot] != 0) slot = (slot + 1) & mask;
                larger[slot] = i + 1;
            }
            table = larger;
        }

        /** Compares two IRIs by their UTF-8 bytes (the order of their code points). */
        int compareIris(int i, int j) {
            return Arrays.compareUnsigned(bytes, starts[i], starts[i + 1], bytes, starts[j], starts[j + 1]);
        }

        Node node(int i) {
            return NodeFactory.createURI(new String(bytes, starts[i], starts[i + 1] - starts[i], java.nio.charset.StandardCharsets.UTF_8));
        }

        int size() { return size; }
    }
}
