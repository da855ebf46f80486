package org.articlekg.load;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.vocab.AKG;
import org.articlekg.vocab.PROV;

/**
 * Reads the CSV files of a data folder, checks them all, and streams the facts as RDF triples.
 * Nothing is streamed unless every check passes; otherwise {@link InvalidInputException} lists
 * every problem found, each with its file, line, column and value.
 *
 * <pre>{@code
 * GraphLoader loader = GraphLoader.create().dataDir(Path.of("data")).corpus(Path.of("../shared/articles")).build();
 * Graph graph = GraphFactory.createDefaultGraph();
 * LoadResult result = loader.load(StreamRDFLib.graph(graph));
 * }</pre>
 */
public final class GraphLoader {
    private final Path dataDir;
    private final Iris iris;
    private final Corpus corpus;

    private GraphLoader(Path dataDir, Iris iris, Corpus corpus) {
        this.dataDir = dataDir;
        this.iris = iris;
        this.corpus = corpus;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder of a {@link GraphLoader}. */
    public static final class Builder {
        private Path dataDir = Path.of("data");
        private String base = Iris.DEFAULT_BASE;
        private Path corpusDir;

        public Builder dataDir(Path dir) { this.dataDir = Objects.requireNonNull(dir); return this; }

        /** The base IRI entity IRIs are minted under; must end with '/'. */
        public Builder base(String base) { this.base = Objects.requireNonNull(base); return this; }

        /** The folder of article texts to check quotes against, or null to skip the check. */
        public Builder corpus(Path dir) { this.corpusDir = dir; return this; }

        public GraphLoader build() {
            return new GraphLoader(dataDir, new Iris(base), corpusDir == null ? null : new Corpus(corpusDir));
        }
    }

    public Iris iris() { return iris; }

    /** Checks everything and writes nothing. */
    public LoadResult check() {
        return run(null);
    }

    /** Checks everything, then streams the triples of the facts to {@code out}. */
    public LoadResult load(StreamRDF out) {
        return run(Objects.requireNonNull(out));
    }

    private LoadResult run(StreamRDF out) {
        ProblemCollector problems = new ProblemCollector();
        Map<Kind, List<Entry>> entries = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            List<Entry> rows = new ArrayList<>();
            new CsvTableReader(Schemas.of(kind), dataDir.resolve(kind.fileName()), dataDir.resolve(kind.fileName()), problems)
                    .read(rows::add);
            entries.put(kind, rows);
        }
        Map<String, Entry> byId = indexIds(entries, problems);
        for (Kind kind : Kind.values()) {
            for (Entry e : entries.get(kind)) {
                checkReferences(e, byId, problems);
                RowRules.check(e, problems);
            }
        }
        checkArticles(entries.get(Kind.ARTICLE), problems);
        checkEvidence(entries, byId, problems);
        checkEvents(entries, problems);
        List<Entry> facts = new ArrayList<>();
        for (Kind kind : Kind.values()) if (kind.isFact()) facts.addAll(entries.get(kind));
        List<Disagreement> disagreements = Disagreements.find(facts);
        problems.throwIfAny();

        long triples = out == null ? 0 : new Emitter(out, byId).emitAll(entries, disagreements);
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        entries.forEach((k, v) -> counts.put(k, v.size()));
        return new LoadResult(counts, disagreements, triples, locations(entries));
    }

    /** Where each minted IRI comes from: IRI → {@code file:line}. */
    private Map<String, String> locations(Map<Kind, List<Entry>> entries) {
        Map<String, String> locations = new HashMap<>();
        for (Kind kind : Kind.values()) {
            for (Entry e : entries.get(kind)) {
                Node node = kind == Kind.EVIDENCE
                        ? iris.evidence(e.string("fact"), e.string("article"))
                        : iris.entity(kind, e.id());
                locations.put(node.getURI(), e.file() + ":" + e.line());
            }
        }
        return locations;
    }

    private static Map<String, Entry> indexIds(Map<Kind, List<Entry>> entries, ProblemHandler problems) {
        Map<String, Entry> byId = new HashMap<>();
        for (Kind kind : Kind.values()) {
            if (kind == Kind.EVIDENCE) continue;
            for (Entry e : entries.get(kind)) {
                String id = e.id();
                if (id == null) continue;
                Entry earlier = byId.putIfAbsent(id, e);
                if (earlier != null) {
                    problems.report(e.problem("id", id, "duplicate id: already used at "
                            + new Problem(earlier.file(), earlier.line(), 0, null, null, "-").location()));
                }
            }
        }
        return byId;
    }

    private static void checkReferences(Entry e, Map<String, Entry> byId, ProblemHandler problems) {
        for (Column c : e.table().columns()) {
            if (c.type() != ValueType.REF && c.type() != ValueType.REFS) continue;
            for (String id : e.list(c.name())) {
                Entry target = byId.get(id);
                String wanted = String.join(" or ", c.targets().stream().map(k -> k.fileName()).toList());
                if (target == null) {
                    problems.report(e.problem(c.name(), id, "unknown id: no row of " + wanted + " has this id"));
                } else if (!c.targets().contains(target.table().kind())) {
                    problems.report(e.problem(c.name(), id, "is a " + target.table().kind().noun()
                            + " (" + target.table().kind().fileName() + ") but this column takes ids from " + wanted));
                }
            }
        }
    }

    private void checkArticles(List<Entry> articles, ProblemHandler problems) {
        if (corpus == null) return;
        for (Entry a : articles) {
            if (a.id() != null && !corpus.has(a.id())) {
                problems.report(a.problem("id", a.id(), "no file " + corpus.fileOf(a.id()) + " in the corpus"));
            }
        }
    }

    private void checkEvidence(Map<Kind, List<Entry>> entries, Map<String, Entry> byId, ProblemHandler problems) {
        Map<String, Entry> seen = new HashMap<>();
        Set<String> supported = new HashSet<>();
        for (Entry ev : entries.get(Kind.EVIDENCE)) {
            String fact = ev.string("fact");
            String article = ev.string("article");
            String quote = ev.string("quote");
            if (fact != null) supported.add(fact);
            if (fact != null && article != null) {
                Entry earlier = seen.putIfAbsent(fact + " " + article, ev);
                if (earlier != null) {
                    problems.report(ev.problem("article", article, "a second evidence row for fact '" + fact
                            + "' and this article (the first is line " + earlier.line() + "): keep one quote per article"));
                }
            }
            if (quote == null) continue;
            if (quote.length() > Schemas.MAX_QUOTE_LENGTH) {
                problems.report(ev.problem("quote", quote, "quote has " + quote.length()
                        + " characters; evidence quotes are at most " + Schemas.MAX_QUOTE_LENGTH));
            }
            if (corpus != null && article != null && byId.get(article) != null && corpus.has(article)
                    && !corpus.contains(article, quote)) {
                problems.report(ev.problem("quote", quote, "quote does not occur in article " + article
                        + " (compared with white space and apostrophes folded)"));
            }
        }
        for (Kind kind : Kind.values()) {
            if (!kind.isFact()) continue;
            for (Entry f : entries.get(kind)) {
                if (f.id() != null && !supported.contains(f.id())) {
                    problems.report(f.problem("id", f.id(), "fact has no evidence: add a row to evidence.csv citing the article that states it"));
                }
            }
        }
    }

    /** An event's claims must all be in one file: claims of different kinds cannot be compared. */
    private static void checkEvents(Map<Kind, List<Entry>> entries, ProblemHandler problems) {
        Map<String, Entry> firstByEvent = new HashMap<>();
        for (Kind kind : Kind.values()) {
            if (!kind.isFact()) continue;
            for (Entry f : entries.get(kind)) {
                if (f.string("event") == null) continue;
                Entry first = firstByEvent.putIfAbsent(f.event(), f);
                if (first != null && first.table().kind() != kind) {
                    problems.report(f.problem("event", f.event(), "event is also used by a " + first.table().kind().noun()
                            + " at " + first.file() + ":" + first.line() + "; claims about one event belong in one file"));
                }
            }
        }
    }

    /** Writes the triples of checked entries. */
    private final class Emitter {
        private final StreamRDF out;
        private final Map<String, Entry> byId;
        private final Map<String, String> factLabels = new HashMap<>();
        private long count;

        Emitter(StreamRDF out, Map<String, Entry> byId) {
            this.out = out;
            this.byId = byId;
        }

        long emitAll(Map<Kind, List<Entry>> entries, List<Disagreement> disagreements) {
            for (Kind kind : Kind.values()) {
                if (kind == Kind.EVIDENCE) continue;
                for (Entry e : entries.get(kind)) emitRow(e);
            }
            for (Entry ev : entries.get(Kind.EVIDENCE)) emitEvidence(ev);
            for (Disagreement d : disagreements) emitDisagreement(d);
            return count;
        }

        private void triple(Node s, Node p, Node o) {
            out.triple(Triple.create(s, p, o));
            count++;
        }

        private Node node(String id) {
            Entry e = byId.get(id);
            return iris.entity(e.table().kind(), id);
        }

        private String label(String id) {
            Entry e = byId.get(id);
            if (e == null) return id;
            Kind k = e.table().kind();
            if (k == Kind.ARTICLE) return e.string("title");
            if (k.isFact()) return factLabels.computeIfAbsent(id, x -> e.table().label().label(e, this::label));
            return e.string("label_en");
        }

        private void emitRow(Entry e) {
            TableSchema table = e.table();
            Node s = iris.entity(table.kind(), e.id());
            if (table.rdfClass() != null) triple(s, RDF.type.asNode(), table.rdfClass());
            if (table.kind().isFact()) {
                triple(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(label(e.id()), "en"));
            }
            for (Column c : table.columns()) {
                if (c.predicate() == null || e.get(c.name()) == null) continue;
                emitValue(e, s, c);
            }
            for (TableSchema.Shortcut sc : table.shortcuts()) {
                for (String from : e.list(sc.from())) {
                    for (String to : e.list(sc.to())) triple(node(from), sc.property(), node(to));
                }
            }
        }

        private void emitValue(Entry e, Node s, Column c) {
            Object v = e.get(c.name());
            switch (c.type()) {
                case TEXT -> {
                    String lang = Schemas.ROW_LANGUAGE.equals(c.lang()) ? e.string("language") : c.lang();
                    triple(s, c.predicate(), lang == null ? NodeFactory.createLiteralString((String) v)
                            : NodeFactory.createLiteralLang((String) v, lang));
                }
                case TEXT_LIST -> {
                    for (String item : e.list(c.name())) triple(s, c.predicate(), NodeFactory.createLiteralString(item));
                }
                case DATE -> {
                    PartialDate d = (PartialDate) v;
                    triple(s, c.predicate(), d.toNode());
                    triple(s, c.precisionPredicate(), AKG.concept("precision", d.precision().id()));
                }
                case DECIMAL -> triple(s, c.predicate(),
                        NodeFactory.createLiteralDT(((BigDecimal) v).toPlainString(), XSDDatatype.XSDdecimal));
                case CURRENCY, LANGUAGE, SLUG, ARTICLE_ID -> triple(s, c.predicate(), NodeFactory.createLiteralString((String) v));
                case ENUM -> triple(s, c.predicate(), c.values().get((String) v));
                case REF, REFS -> {
                    for (String id : e.list(c.name())) triple(s, c.predicate(), node(id));
                }
            }
        }

        private void emitEvidence(Entry ev) {
            String factId = ev.string("fact");
            String articleId = ev.string("article");
            Node evidence = iris.evidence(factId, articleId);
            Node fact = node(factId);
            Node article = node(articleId);
            String lang = byId.get(articleId).string("language");
            triple(evidence, RDF.type.asNode(), AKG.Evidence);
            triple(evidence, AKG.statedIn, article);
            triple(evidence, AKG.quote, NodeFactory.createLiteralLang(ev.string("quote"), lang));
            triple(fact, PROV.wasDerivedFrom, evidence);
            if (byId.get(factId).table().kind().isFact()) triple(fact, AKG.reportedIn, article);
        }

        private void emitDisagreement(Disagreement d) {
            Node node = iris.disagreement(d.event());
            triple(node, RDF.type.asNode(), AKG.Disagreement);
            String what = String.join(", ", d.columns().stream().map(c -> c.name().replace('_', ' ')).toList());
            triple(node, RDFS.label.asNode(), NodeFactory.createLiteralLang(
                    "Articles disagree (" + what + "): " + label(d.claims().get(0).id()), "en"));
            for (Entry claim : d.claims()) triple(node, AKG.claim, node(claim.id()));
            Set<Node> properties = new java.util.LinkedHashSet<>();
            for (Column c : d.columns()) properties.add(c.predicate());
            for (Node p : properties) triple(node, AKG.disputedProperty, p);
            for (List<Entry> pair : d.conflicts()) {
                Node a = node(pair.get(0).id());
                Node b = node(pair.get(1).id());
                triple(a, AKG.conflictsWith, b);
                triple(b, AKG.conflictsWith, a);
            }
        }
    }
}
