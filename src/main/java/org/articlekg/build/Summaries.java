package org.articlekg.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.vocabulary.RDF;
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
 *       {@code akg:firstReported} / {@code akg:lastReported} (its claims' articles' dates).</li>
 * </ul>
 * The triples pass through unchanged; only what the summaries need is kept: each claim, event,
 * article and entity node once, and numbers (about 200 bytes per claim and event).
 *
 * <pre>{@code
 * Summaries summaries = new Summaries(iris, model);
 * loader.load(summaries.observe(factsStream));
 * summaries.write(summaryStream);
 * }</pre>
 */
public final class Summaries {
    private static final Node TYPE = RDF.type.asNode();

    private final List<String> articlePrefixes = new ArrayList<>();
    private final List<String> entityPrefixes = new ArrayList<>();
    private final List<String> factPrefixes = new ArrayList<>();

    private final Numbering articles = new Numbering();
    private final Numbering entities = new Numbering();
    private final Numbering claims = new Numbering();
    private final Numbering events = new Numbering();
    /** The lexical form of each article's date (ISO 8601, of any precision), or null. */
    private final List<String> articleDates = new ArrayList<>();
    /** Each article's node, by number. */
    private final List<Node> articleNodes = new ArrayList<>();
    private final Map<Integer, Node> articleDateNodes = new HashMap<>();
    private int[] claimEvent = new int[1024];
    private final List<int[]> claimArticles = new ArrayList<>();
    private final java.util.BitSet claimDisputed = new java.util.BitSet();
    private final java.util.BitSet eventDisputed = new java.util.BitSet();
    private final Map<Integer, Integer> eventArticleCount = new HashMap<>();
    /** Pairs (entity number, claim number), as longs. */
    private long[] mentions = new long[1024];
    private int mentionCount;
    private final java.util.Set<Node> disagreements = new java.util.HashSet<>();

    /** Summaries of a graph whose IRIs {@code iris} mints for the kinds of {@code model}. */
    public Summaries(Iris iris, FactModel model) {
        for (Kind k : model.kinds()) {
            String prefix = iris.idNamespace() + k.segment() + "/";
            switch (k.role()) {
                case ARTICLE -> articlePrefixes.add(prefix);
                case ENTITY -> entityPrefixes.add(prefix);
                case FACT -> factPrefixes.add(prefix);
                case EVIDENCE -> { }
            }
        }
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
        if (startsWithAny(subject, factPrefixes)) {
            int claim = claims.number(s);
            if (p.equals(AKG.event)) {
                setEvent(claim, events.number(o));
            } else if (p.equals(AKG.reportedIn)) {
                addArticle(claim, article(o));
            } else if (p.equals(AKG.conflictsWith)) {
                claimDisputed.set(claim);
            } else if (o.isURI() && !p.equals(TYPE) && startsWithAny(o.getURI(), entityPrefixes)) {
                addMention(entities.number(o), claim);
            }
        } else if (startsWithAny(subject, articlePrefixes)) {
            if (p.equals(TYPE) && o.equals(AKG.Article)) {
                article(s);
            } else if (p.equals(AKG.date) && o.isLiteral()) {
                int a = article(s);
                articleDates.set(a, o.getLiteralLexicalForm());
                articleDateNodes.put(a, o);
            }
        } else if (p.equals(TYPE) && o.equals(AKG.Disagreement)) {
            disagreements.add(s);
        } else if (p.equals(AKG.event) && disagreements.contains(s)) {
            eventDisputed.set(events.number(o));
        } else if (p.equals(AKG.articleCount) && o.isLiteral() && !startsWithAny(subject, articlePrefixes)) {
            // claims were handled above: what is left with an article count is an event
            eventArticleCount.put(events.number(s), Integer.parseInt(o.getLiteralLexicalForm()));
        }
    }

    private static boolean startsWithAny(String iri, List<String> prefixes) {
        for (String p : prefixes) if (iri.startsWith(p)) return true;
        return false;
    }

    private int article(Node a) {
        int n = articles.number(a);
        while (articleDates.size() <= n) {
            articleDates.add(null);
            articleNodes.add(null);
        }
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
            if (!eventArticleCount.containsKey(e)) continue; // an event node named but never written
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
            for (int e : eventsOf.get(a)) if (eventArticleCount.getOrDefault(e, 0) == 1) single++;
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
        }
    }

    /** Of two articles (by number, -1 for none), the one with the later date; an undated one never wins. */
    private int later(int current, int candidate) {
        if (candidate < 0 || articleDates.get(candidate) == null) return current;
        if (current < 0 || articleDates.get(candidate).compareTo(articleDates.get(current)) > 0) return candidate;
        return current;
    }

    private int earlier(int current, int candidate) {
        if (candidate < 0 || articleDates.get(candidate) == null) return current;
        if (current < 0 || articleDates.get(candidate).compareTo(articleDates.get(current)) < 0) return candidate;
        return current;
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node bool(boolean b) {
        return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
    }

    /** Nodes numbered in the order first seen. */
    private static final class Numbering {
        private final Map<Node, Integer> numbers = new HashMap<>();
        private final List<Node> nodes = new ArrayList<>();

        int number(Node n) {
            Integer i = numbers.get(n);
            if (i != null) return i;
            numbers.put(n, nodes.size());
            nodes.add(n);
            return nodes.size() - 1;
        }

        Node node(int i) { return nodes.get(i); }

        int size() { return nodes.size(); }
    }
}
