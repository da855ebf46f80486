package org.articlekg.load;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * facts without evidence found, the claims of each event checked and compared (disagreements and
 * refinements), the audit tables of {@code data/audit/} checked; (3) the files read again, references checked and the triples streamed: each
 * claim with its event ({@code {base}id/event/…}), its labels in English and French, its
 * reported time and its number of articles and independent origins. Which files and columns
 * there are is the {@link FactModel}'s to say ({@code ontology/kinds.ttl}). Problems of passes 1 and 2 stop the load before anything is
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
    private final FactModel model;
    private final Labels labels;
    private final java.util.function.Consumer<String> progress;

    private GraphLoader(Path dataDir, Iris iris, Corpus corpus, FactModel model, java.util.function.Consumer<String> progress) {
        this.dataDir = dataDir;
        this.iris = iris;
        this.corpus = corpus;
        this.model = model;
        this.labels = new Labels(model);
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
        private FactModel model;
        private java.util.function.Consumer<String> progress = line -> { };

        public Builder dataDir(Path dir) { this.dataDir = Objects.requireNonNull(dir); return this; }

        /** The base IRI entity IRIs are minted under; must end with '/'. */
        public Builder base(String base) { this.base = Objects.requireNonNull(base); return this; }

        /** The folder of article texts to check quotes against, or null to skip the check. */
        public Builder corpus(Path dir) { this.corpusDir = dir; return this; }

        /** The declared kinds of row (default: read from {@code ontology/}). */
        public Builder model(FactModel model) { this.model = Objects.requireNonNull(model); return this; }

        /** Told, at each percent of the rows streamed, {@code "45% (4500/10000 rows)"}. */
        public Builder progress(java.util.function.Consumer<String> progress) { this.progress = Objects.requireNonNull(progress); return this; }

        /** The IRIs the loader will mint. */
        public Iris iris() { return new Iris(base); }

        public GraphLoader build() {
            FactModel m = model != null ? model : FactModel.read(Path.of("ontology"));
            return new GraphLoader(dataDir, new Iris(base), corpusDir == null ? null : new Corpus(corpusDir), m, progress);
        }
    }

    public Iris iris() { return iris; }

    public FactModel model() { return model; }

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
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        IdIndex index = new IdIndex();
        List<Entry> grouped = new ArrayList<>();
        TableSchema evidence = model.evidence();

        // Pass 1: every entity and fact file, each row checked on its own; only ids, labels and the
        // claims that name an event are kept, so memory grows with the ids, not with the rows.
        for (TableSchema table : model.tables()) {
            if (table == evidence) continue;
            counts.put(table.kind(), read(table, problems, e -> {
                RowRules.check(e, problems);
                index.add(e, problems);
                if (table.kind().isFact() && e.string("event") != null) grouped.add(e);
            }));
        }
        grouped.addAll(claimsNamedByEvents(grouped, index));
        if (corpus != null) checkArticlesInCorpus(index, problems);
        index.groupOrigins();

        // Pass 2: evidence, against the complete index.
        counts.put(evidence.kind(), read(evidence, problems, ev -> {
            RowRules.check(ev, problems);
            checkEvidence(ev, index, problems);
        }));
        index.reportUnsupportedFacts(dataDir, model.kinds(), problems);
        checkEvents(grouped, problems);
        Audit.check(dataDir, index, model.articles().kind(), evidence.column("quote").maxLength(), corpus, problems);
        Disagreements.Comparison comparison = Disagreements.compare(grouped, model);
        problems.throwIfAny();

        // Pass 3: every file again, references checked and triples streamed. A row whose references
        // fail is reported and not written; a failed load throws once every row has been seen.
        Emitter emitter = new Emitter(out == null ? StreamRDFLib.sinkNull() : out, index);
        Set<String> groupedEvents = new HashSet<>();
        for (Entry e : grouped) groupedEvents.add(e.event());
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        long[] done = {0, -1};
        Runnable step = () -> {
            long percent = total == 0 ? 100 : 100 * ++done[0] / total;
            if (percent != done[1]) {
                done[1] = percent;
                progress.accept(percent + "% (" + done[0] + "/" + total + " rows)");
            }
        };
        for (TableSchema table : model.tables()) {
            if (table == evidence) continue;
            read(table, p -> { }, e -> {
                if (checkReferences(e, index, problems)) {
                    emitter.emitRow(e);
                    if (table.kind().isFact() && !groupedEvents.contains(e.event())) emitter.emitEvent(e.event(), List.of(e));
                }
                step.run();
            });
        }
        read(evidence, p -> { }, e -> {
            emitter.emitEvidence(e);
            step.run();
        });
        Map<String, List<Entry>> events = new LinkedHashMap<>();
        for (Entry e : grouped) events.computeIfAbsent(e.event(), k -> new ArrayList<>()).add(e);
        events.forEach(emitter::emitEvent);
        for (Disagreement d : comparison.disagreements()) emitter.emitDisagreement(d);
        for (Refinement r : comparison.refinements()) emitter.emitRefinement(r);
        problems.throwIfAny();
        return new LoadResult(counts, comparison.disagreements(), comparison.refinements(), out == null ? 0 : emitter.count,
                index.locator(dataDir, iris, evidence.kind()), corpus == null ? null : corpus.dir());
    }

    /** Reads one file, passing each row on; returns the number of rows. */
    private int read(TableSchema table, ProblemHandler problems, java.util.function.Consumer<Entry> sink) {
        Path file = dataDir.resolve(table.kind().fileName());
        int[] rows = {0};
        new CsvTableReader(table, file, file, problems).read(e -> {
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
        for (TableSchema table : model.facts()) {
            read(table, p -> { }, e -> {
                if (e.id() != null && wanted.contains(e.id()) && e.string("event") == null) found.add(e);
            });
        }
        return found;
    }

    /** Whether every id the row names exists and is of a kind its column takes; reports each that is not. */
    private static boolean checkReferences(Entry e, IdIndex index, ProblemHandler problems) {
        boolean ok = true;
        for (Column c : e.table().columns()) {
            if (!c.type().isReference()) continue;
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
        Kind articles = model.articles().kind();
        index.forEach((id, info) -> {
            if (info.kind.equals(articles) && !corpus.has(id)) {
                problems.report(new Problem(dataDir.resolve(articles.fileName()), info.line,
                        1, "id", id, "no file " + corpus.fileOf(id) + " in the corpus"));
            }
        });
    }

    private void checkEvidence(Entry ev, IdIndex index, ProblemHandler problems) {
        String fact = ev.string("fact");
        String article = ev.string("article");
        String quote = ev.string("quote");
        IdIndex.Info supported = fact == null ? null : index.get(fact);
        if (supported != null && supported.kind.role() != Kind.Role.ARTICLE) supported.supported = true;
        if (!checkReferences(ev, index, problems)) fact = article = null;
        if (fact != null && article != null) {
            Integer earlier = index.addEvidence(fact, article, (int) ev.line());
            if (earlier != null) {
                problems.report(ev.problem("article", article, "a second evidence row for fact '" + fact
                        + "' and this article (the first is line " + earlier + "): keep one quote per article"));
            }
        }
        if (quote == null) return;
        if (corpus != null && article != null && corpus.has(article) && !corpus.contains(article, quote)) {
            problems.report(ev.problem("quote", quote, "quote does not occur in article " + article
                    + " (compared with white space and apostrophes folded)"));
        }
    }

    /**
     * The claims of an event must be of one kind (claims of different kinds cannot be compared)
     * and name the same main participants (the columns that identify the event).
     */
    private void checkEvents(List<Entry> grouped, ProblemHandler problems) {
        Map<String, Entry> firstByEvent = new HashMap<>();
        for (Entry f : grouped) {
            Entry first = firstByEvent.putIfAbsent(f.event(), f);
            if (first == null) continue;
            if (!first.table().kind().equals(f.table().kind())) {
                problems.report(f.problem("event", f.event(), "event is also used by a " + first.table().kind().noun()
                        + " at " + first.file() + ":" + first.line() + "; claims about one event belong in one file"));
                continue;
            }
            for (Column c : f.table().eventColumns()) {
                Object mine = f.get(c.name());
                Object theirs = first.get(c.name());
                if (mine == null || theirs == null || Disagreements.outcome(c, mine, theirs, model) == Disagreements.Outcome.SAME) continue;
                problems.report(f.problem(c.name(), shown(mine), "claims of event '" + f.event() + "' must have the same "
                        + c.name() + " (it identifies the event), but " + first.file() + ":" + first.line() + " has '" + shown(theirs) + "'"));
            }
        }
    }

    /** A cell's value as the CSV writes it. */
    private static String shown(Object value) {
        return value instanceof List<?> l ? String.join("|", l.stream().map(String::valueOf).toList()) : String.valueOf(value);
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

        /** The label of an entity in a language (English when it has no other), the title of an article, or the id. */
        private String label(String id, String lang) {
            IdIndex.Info info = index.get(id);
            if (info == null) return id;
            if ("fr".equals(lang) && info.labelFr != null) return info.labelFr;
            return info.label == null ? id : info.label;
        }

        private void labels(Node s, TableSchema table, Map<String, Object> values) {
            for (String lang : Labels.LANGUAGES) {
                triple(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(labels.label(table, values, lang, this::label), lang));
            }
        }

        void emitRow(Entry e) {
            TableSchema table = e.table();
            Node s = iris.entity(table.kind(), e.id());
            if (table.rdfClass() != null) triple(s, RDF.type.asNode(), table.rdfClass());
            if (table.kind().isFact()) {
                labels(s, table, e.values());
                triple(s, AKG.event, iris.event(e.event()));
                support(s, index.get(e.id()).articles);
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

        /**
         * What its articles say of a claim's or an event's support: the earliest article's date
         * (its reported time), the number of articles and of independent origins.
         */
        private void support(Node s, List<String> articles) {
            PartialDate earliest = null;
            Set<String> origins = new HashSet<>();
            for (String a : articles) {
                IdIndex.Info info = index.get(a);
                if (info.date != null && (earliest == null || info.date.iso().compareTo(earliest.iso()) < 0)) earliest = info.date;
                origins.add(info.origin == null ? a : info.origin);
            }
            if (earliest != null) {
                triple(s, AKG.reportedDate, earliest.toNode());
                triple(s, AKG.reportedPrecision, AKG.concept("precision", earliest.precision().id()));
            }
            triple(s, AKG.articleCount, NodeFactory.createLiteralDT(Integer.toString(articles.size()), XSDDatatype.XSDinteger));
            triple(s, AKG.originCount, NodeFactory.createLiteralDT(Integer.toString(origins.size()), XSDDatatype.XSDinteger));
        }

        /**
         * An event: its kind, its labels, its main participants and every compared value its claims
         * agree on (given by at least one, contradicted or refined by none), its articles and support.
         */
        void emitEvent(String event, List<Entry> claims) {
            Node ev = iris.event(event);
            TableSchema table = claims.get(0).table();
            triple(ev, RDF.type.asNode(), AKG.Event);
            triple(ev, AKG.eventKind, table.rdfClass());
            Map<String, Object> agreed = new HashMap<>();
            Set<String> disputed = new HashSet<>();
            for (Column c : table.columns()) {
                if (!c.identifiesEvent() && !c.compared()) continue;
                Object value = null;
                for (int i = 0; i < claims.size(); i++) {
                    Entry claim = claims.get(i);
                    for (int j = 0; j < i; j++) {
                        if (Disagreements.outcome(c, claims.get(j), claim, model) == Disagreements.Outcome.CONFLICT) disputed.add(c.name());
                    }
                    Object v = claim.get(c.name());
                    if (v == null) continue;
                    // keep the coarser of two values, what both say
                    if (value == null || Disagreements.outcome(c, value, v, model) == Disagreements.Outcome.FIRST_REFINES) value = v;
                }
                if (value != null && !disputed.contains(c.name())) agreed.put(c.name(), value);
            }
            Entry values = new Entry(table, claims.get(0).file(), claims.get(0).line(), Map.of(), agreed);
            for (String lang : Labels.LANGUAGES) {
                triple(ev, RDFS.label.asNode(), NodeFactory.createLiteralLang(labels.label(table, agreed, disputed, lang, this::label), lang));
            }
            for (Column c : table.columns()) {
                if (c.predicate() != null && agreed.containsKey(c.name())) emitValue(values, ev, c);
            }
            List<String> articles = new ArrayList<>();
            for (Entry claim : claims) {
                for (String a : index.get(claim.id()).articles) if (!articles.contains(a)) articles.add(a);
            }
            for (String a : articles) triple(ev, AKG.reportedIn, node(a));
            triple(ev, AKG.claimCount, NodeFactory.createLiteralDT(Integer.toString(claims.size()), XSDDatatype.XSDinteger));
            support(ev, articles);
        }

        private void emitValue(Entry e, Node s, Column c) {
            Object v = e.get(c.name());
            switch (c.type()) {
                case TEXT -> {
                    String lang = Column.ROW_LANGUAGE.equals(c.lang()) ? e.string("language") : c.lang();
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

        /**
         * An evidence node: the article, the quote in the article's language, who says it
         * ({@code said_by}: empty for the article's own reporting), through what and in which
         * mode (by default {@code reported}, or {@code attributed} when someone is named).
         */
        void emitEvidence(Entry ev) {
            String factId = ev.string("fact");
            String articleId = ev.string("article");
            Node evidence = iris.evidence(factId, articleId);
            Node fact = node(factId);
            Node article = node(articleId);
            triple(evidence, RDF.type.asNode(), AKG.Evidence);
            for (Column c : ev.table().columns()) {
                if (c.predicate() == null || ev.get(c.name()) == null) continue;
                if (c.name().equals("quote")) {
                    triple(evidence, c.predicate(), NodeFactory.createLiteralLang(ev.string("quote"), index.get(articleId).language));
                } else {
                    emitValue(ev, evidence, c);
                }
            }
            if (ev.table().has("mode") && ev.get("mode") == null) {
                Column mode = ev.table().column("mode");
                triple(evidence, mode.predicate(), mode.values().get(ev.list("said_by").isEmpty() ? "reported" : "attributed"));
            }
            triple(fact, PROV.wasDerivedFrom, evidence);
            if (index.get(factId).kind.isFact()) triple(fact, AKG.reportedIn, article);
        }

        void emitDisagreement(Disagreement d) {
            Node node = iris.disagreement(d.event());
            TableSchema table = d.claims().get(0).table();
            triple(node, RDF.type.asNode(), AKG.Disagreement);
            triple(node, AKG.event, iris.event(d.event()));
            Set<String> disputed = new HashSet<>();
            for (Column c : d.columns()) disputed.add(c.name());
            Map<String, Object> shared = new HashMap<>();
            for (Column c : table.columns()) {
                Object v = d.claims().get(0).get(c.name());
                if (v != null && !disputed.contains(c.name()) && d.claims().stream().allMatch(x -> v.equals(x.get(c.name())))) {
                    shared.put(c.name(), v);
                }
            }
            for (String lang : Labels.LANGUAGES) {
                String what = String.join(", ", d.columns().stream().map(c -> columnLabel(c, lang)).distinct().toList());
                String event = labels.label(table, shared, disputed, lang, this::label);
                triple(node, RDFS.label.asNode(), NodeFactory.createLiteralLang(
                        ("fr".equals(lang) ? "Les articles divergent (" + what + ") : " : "Articles disagree (" + what + "): ") + event, lang));
            }
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

        void emitRefinement(Refinement r) {
            triple(node(r.finer().id()), AKG.refines, node(r.coarser().id()));
        }

        private String columnLabel(Column c, String lang) {
            String l = c.predicate() == null ? null : model.label(c.predicate(), lang);
            return l != null ? l : c.name().replace('_', ' ');
        }
    }
}
