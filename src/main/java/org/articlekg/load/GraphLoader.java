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
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.vocab.AKG;
import org.articlekg.vocab.PROV;

/**
 * Reads the CSV files of a data folder, checks them all, and streams the facts as RDF triples,
 * in three passes over the files so that memory grows with the number of ids, not the rows:
 * (1) every row checked on its own and its id indexed; (2) evidence checked against the index,
 * facts without evidence and disagreements found; (3) the files read again, references checked
 * and the triples streamed. Problems of passes 1 and 2 stop the load before anything is
 * streamed; a row whose references fail in pass 3 is not streamed, and the load then throws once
 * every row has been seen. Either way {@link InvalidInputException} lists every problem with
 * its file, line, column and value, and whatever was streamed must be discarded (the builder
 * builds into a fresh folder that it deletes).
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
    private final java.util.function.Consumer<String> progress;

    private GraphLoader(Path dataDir, Iris iris, Corpus corpus, java.util.function.Consumer<String> progress) {
        this.dataDir = dataDir;
        this.iris = iris;
        this.corpus = corpus;
        this.progress = progress;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder of a {@link GraphLoader}. */
    public static final class Builder {
        private Path dataDir = Path.of("data");
        private String base = Iris.DEFAULT_BASE;
        private Path corpusDir;
        private java.util.function.Consumer<String> progress = line -> { };

        public Builder dataDir(Path dir) { this.dataDir = Objects.requireNonNull(dir); return this; }

        /** The base IRI entity IRIs are minted under; must end with '/'. */
        public Builder base(String base) { this.base = Objects.requireNonNull(base); return this; }

        /** The folder of article texts to check quotes against, or null to skip the check. */
        public Builder corpus(Path dir) { this.corpusDir = dir; return this; }

        /** Told, at each percent of the rows streamed, {@code "45% (4500/10000 rows)"}. */
        public Builder progress(java.util.function.Consumer<String> progress) { this.progress = Objects.requireNonNull(progress); return this; }

        public GraphLoader build() {
            return new GraphLoader(dataDir, new Iris(base), corpusDir == null ? null : new Corpus(corpusDir), progress);
        }
    }

    public Iris iris() { return iris; }

    /** Checks everything (all three passes, into a sink) and writes nothing. */
    public LoadResult check() {
        return run(null);
    }

    /** Checks everything, then streams the triples of the facts to {@code out}. */
    public LoadResult load(StreamRDF out) {
        return run(Objects.requireNonNull(out));
    }

    private LoadResult run(StreamRDF out) {
        ProblemCollector problems = new ProblemCollector();
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        IdIndex index = new IdIndex();
        List<Entry> grouped = new ArrayList<>();

        // Pass 1: every entity and fact file, each row checked on its own; only ids, labels and the
        // claims that name an event are kept, so memory grows with the ids, not with the rows.
        for (Kind kind : Kind.values()) {
            if (kind == Kind.EVIDENCE) continue;
            counts.put(kind, read(kind, problems, e -> {
                RowRules.check(e, problems);
                index.add(e, problems);
                if (kind.isFact() && e.string("event") != null) grouped.add(e);
            }));
        }
        grouped.addAll(claimsNamedByEvents(grouped, index));
        if (corpus != null) checkArticlesInCorpus(index, problems);

        // Pass 2: evidence, against the complete index.
        counts.put(Kind.EVIDENCE, read(Kind.EVIDENCE, problems, ev -> checkEvidence(ev, index, problems)));
        index.reportUnsupportedFacts(dataDir, problems);
        checkEvents(grouped, problems);
        List<Disagreement> disagreements = Disagreements.find(grouped);
        problems.throwIfAny();

        // Pass 3: every file again, references checked and triples streamed. A row whose references
        // fail is reported and not written; a failed load throws once every row has been seen.
        Emitter emitter = new Emitter(out == null ? StreamRDFLib.sinkNull() : out, index);
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        long[] done = {0, -1};
        Runnable step = () -> {
            long percent = total == 0 ? 100 : 100 * ++done[0] / total;
            if (percent != done[1]) {
                done[1] = percent;
                progress.accept(percent + "% (" + done[0] + "/" + total + " rows)");
            }
        };
        for (Kind kind : Kind.values()) {
            if (kind == Kind.EVIDENCE) continue;
            read(kind, p -> { }, e -> {
                if (checkReferences(e, index, problems)) emitter.emitRow(e);
                step.run();
            });
        }
        read(Kind.EVIDENCE, p -> { }, e -> {
            emitter.emitEvidence(e);
            step.run();
        });
        for (Disagreement d : disagreements) emitter.emitDisagreement(d);
        problems.throwIfAny();
        return new LoadResult(counts, disagreements, out == null ? 0 : emitter.count, index.locator(dataDir, iris));
    }

    /** Reads one file, passing each row on; returns the number of rows. */
    private int read(Kind kind, ProblemHandler problems, java.util.function.Consumer<Entry> sink) {
        Path file = dataDir.resolve(kind.fileName());
        int[] rows = {0};
        new CsvTableReader(Schemas.of(kind), file, file, problems).read(e -> {
            rows[0]++;
            sink.accept(e);
        });
        return rows[0];
    }

    /**
     * Claims whose id another claim names as its event, though they name none themselves: they
     * belong to that event too. Rarely any, so found with one more read of the fact files.
     */
    private List<Entry> claimsNamedByEvents(List<Entry> grouped, IdIndex index) {
        Set<String> wanted = new HashSet<>();
        for (Entry e : grouped) {
            IdIndex.Info info = index.get(e.event());
            if (info != null && info.kind.isFact() && !e.event().equals(e.id())) wanted.add(e.event());
        }
        for (Entry e : grouped) wanted.remove(e.id());
        List<Entry> found = new ArrayList<>();
        if (wanted.isEmpty()) return found;
        for (Kind kind : Kind.values()) {
            if (!kind.isFact()) continue;
            read(kind, p -> { }, e -> {
                if (e.id() != null && wanted.contains(e.id()) && e.string("event") == null) found.add(e);
            });
        }
        return found;
    }

    /** Whether every id the row names exists and is of a kind its column takes; reports each that is not. */
    private static boolean checkReferences(Entry e, IdIndex index, ProblemHandler problems) {
        boolean ok = true;
        for (Column c : e.table().columns()) {
            if (c.type() != ValueType.REF && c.type() != ValueType.REFS) continue;
            for (String id : e.list(c.name())) {
                IdIndex.Info target = index.get(id);
                if (target != null && c.targets().contains(target.kind)) continue;
                ok = false;
                String wanted = String.join(" or ", c.targets().stream().map(Kind::fileName).toList());
                if (target == null) {
                    problems.report(e.problem(c.name(), id, "unknown id: no row of " + wanted + " has this id"));
                } else {
                    problems.report(e.problem(c.name(), id, "is a " + target.kind.noun()
                            + " (" + target.kind.fileName() + ") but this column takes ids from " + wanted));
                }
            }
        }
        return ok;
    }

    private void checkArticlesInCorpus(IdIndex index, ProblemHandler problems) {
        index.forEach((id, info) -> {
            if (info.kind == Kind.ARTICLE && !corpus.has(id)) {
                problems.report(new Problem(dataDir.resolve(Kind.ARTICLE.fileName()), info.line,
                        1, "id", id, "no file " + corpus.fileOf(id) + " in the corpus"));
            }
        });
    }

    private void checkEvidence(Entry ev, IdIndex index, ProblemHandler problems) {
        String fact = ev.string("fact");
        String article = ev.string("article");
        String quote = ev.string("quote");
        IdIndex.Info supported = fact == null ? null : index.get(fact);
        if (supported != null && supported.kind != Kind.ARTICLE) supported.supported = true;
        if (!checkReferences(ev, index, problems)) fact = article = null;
        if (fact != null && article != null) {
            Integer earlier = index.addEvidence(fact, article, (int) ev.line());
            if (earlier != null) {
                problems.report(ev.problem("article", article, "a second evidence row for fact '" + fact
                        + "' and this article (the first is line " + earlier + "): keep one quote per article"));
            }
        }
        if (quote == null) return;
        if (quote.length() > Schemas.MAX_QUOTE_LENGTH) {
            problems.report(ev.problem("quote", quote, "quote has " + quote.length()
                    + " characters; evidence quotes are at most " + Schemas.MAX_QUOTE_LENGTH));
        }
        if (corpus != null && article != null && corpus.has(article) && !corpus.contains(article, quote)) {
            problems.report(ev.problem("quote", quote, "quote does not occur in article " + article
                    + " (compared with white space and apostrophes folded)"));
        }
    }

    /** An event's claims must all be in one file: claims of different kinds cannot be compared. */
    private static void checkEvents(List<Entry> grouped, ProblemHandler problems) {
        Map<String, Entry> firstByEvent = new HashMap<>();
        for (Entry f : grouped) {
            Entry first = firstByEvent.putIfAbsent(f.event(), f);
            if (first != null && first.table().kind() != f.table().kind()) {
                problems.report(f.problem("event", f.event(), "event is also used by a " + first.table().kind().noun()
                        + " at " + first.file() + ":" + first.line() + "; claims about one event belong in one file"));
            }
        }
    }

    /** Writes the triples of checked rows. */
    private final class Emitter {
        private final StreamRDF out;
        private final IdIndex index;
        /** The shortcut triples written so far, as pairs of id numbers by property: each is written once. */
        private final Map<Node, Set<Long>> shortcuts = new HashMap<>();
        long count;

        Emitter(StreamRDF out, IdIndex index) {
            this.out = out;
            this.index = index;
        }

        private void triple(Node s, Node p, Node o) {
            out.triple(Triple.create(s, p, o));
            count++;
        }

        private Node node(String id) {
            return iris.entity(index.get(id).kind, id);
        }

        /** The English label of an entity, the title of an article, or the id. */
        private String label(String id) {
            IdIndex.Info info = index.get(id);
            return info == null || info.label == null ? id : info.label;
        }

        void emitRow(Entry e) {
            TableSchema table = e.table();
            Node s = iris.entity(table.kind(), e.id());
            if (table.rdfClass() != null) triple(s, RDF.type.asNode(), table.rdfClass());
            if (table.kind().isFact()) {
                triple(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(factLabel(e), "en"));
            }
            for (Column c : table.columns()) {
                if (c.predicate() == null || e.get(c.name()) == null) continue;
                emitValue(e, s, c);
            }
            for (TableSchema.Shortcut sc : table.shortcuts()) {
                for (String from : e.list(sc.from())) {
                    for (String to : e.list(sc.to())) {
                        long pair = ((long) index.get(from).number << 32) | (index.get(to).number & 0xFFFFFFFFL);
                        if (shortcuts.computeIfAbsent(sc.property(), p -> new HashSet<>()).add(pair)) {
                            triple(node(from), sc.property(), node(to));
                        }
                    }
                }
            }
        }

        private String factLabel(Entry e) {
            return e.table().label().label(e, this::label);
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
                // the canonical form (100000000.0), as TDB2 stores it, so that the N-Quads written
                // while loading hold the same literals as the database
                case DECIMAL -> triple(s, c.predicate(),
                        NodeFactory.createLiteralDT(XSDFuncOp.canonicalDecimalStr((BigDecimal) v), XSDDatatype.XSDdecimal));
                case CURRENCY, LANGUAGE, SLUG, ARTICLE_ID -> triple(s, c.predicate(), NodeFactory.createLiteralString((String) v));
                case ENUM -> triple(s, c.predicate(), c.values().get((String) v));
                case REF, REFS -> {
                    for (String id : e.list(c.name())) triple(s, c.predicate(), node(id));
                }
            }
        }

        void emitEvidence(Entry ev) {
            String factId = ev.string("fact");
            String articleId = ev.string("article");
            Node evidence = iris.evidence(factId, articleId);
            Node fact = node(factId);
            Node article = node(articleId);
            triple(evidence, RDF.type.asNode(), AKG.Evidence);
            triple(evidence, AKG.statedIn, article);
            triple(evidence, AKG.quote, NodeFactory.createLiteralLang(ev.string("quote"), index.get(articleId).language));
            triple(fact, PROV.wasDerivedFrom, evidence);
            if (index.get(factId).kind.isFact()) triple(fact, AKG.reportedIn, article);
        }

        void emitDisagreement(Disagreement d) {
            Node node = iris.disagreement(d.event());
            triple(node, RDF.type.asNode(), AKG.Disagreement);
            String what = String.join(", ", d.columns().stream().map(c -> c.name().replace('_', ' ')).toList());
            triple(node, RDFS.label.asNode(), NodeFactory.createLiteralLang(
                    "Articles disagree (" + what + "): " + factLabel(d.claims().get(0)), "en"));
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
