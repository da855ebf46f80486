package org.articlekg.publish;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;
import org.articlekg.load.Kind;
import org.articlekg.load.TableSchema;
import org.articlekg.load.ValueType;
import org.articlekg.vocab.AKG;

/**
 * The HTML pages of the published graph: one per entity, fact (claim), event, disagreement and
 * article, and an index by type. Each source of a claim says who says it (the article's own
 * reporting, or a named person or organisation through a channel) and marks allegations and
 * speculation; claims are grouped by event with the event's number of articles and independent
 * origins; refinements are shown apart from disagreements; undated claims show their reported
 * date. Which classes are kinds of fact, entities and relations comes from the declarations
 * ({@link Kinds}). Readable without JavaScript; every value is escaped. Local IRIs link to their
 * pages as paths ({@code /id/...}), so the pages work on any host the graph is served from.
 */
public final class Pages {
    private static final Query TYPES = Sparql.parse("SELECT DISTINCT ?t WHERE { GRAPH ?facts { ?this a ?t } }");
    private static final Query OWN = Sparql.parse("SELECT ?p ?o WHERE { GRAPH ?facts { ?this ?p ?o } } ORDER BY ?p ?o");
    private static final Query LABELS = Sparql.parse("SELECT ?l WHERE { ?this rdfs:label ?l }");
    private static final Query SOURCES = Sparql.parse("""
            SELECT ?ev ?article ?title ?site ?adate ?quote WHERE {
              ?this prov:wasDerivedFrom ?ev . ?ev akg:statedIn ?article ; akg:quote ?quote .
              ?article dcterms:title ?title .
              OPTIONAL { ?article akg:site ?site } OPTIONAL { ?article akg:date ?adate }
            } ORDER BY ?adate ?article""");
    private static final Query OUTLETS = Sparql.parse("""
            SELECT ?label WHERE { ?this akg:cites ?o . ?o rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en")) } ORDER BY ?label""");
    private static final Query CONFLICTS = Sparql.parse("SELECT ?other WHERE { ?this akg:conflictsWith ?other }");
    private static final Query DISAGREEMENTS_OF = Sparql.parse("""
            SELECT DISTINCT ?d WHERE { ?d akg:claim ?this }""");
    private static final Query DISAGREEMENT = Sparql.parse("""
            SELECT ?claim ?prop WHERE { ?this akg:claim ?claim ; akg:disputedProperty ?prop } ORDER BY ?claim ?prop""");
    private static final Query VALUES = Sparql.parse("SELECT ?v WHERE { GRAPH ?facts { ?this ?prop ?v } } ORDER BY ?v");
    private static final Query REPORTED = Sparql.parse("""
            SELECT ?f ?kind ?label ?ev ?quote WHERE {
              ?f akg:reportedIn ?this ; prov:wasDerivedFrom ?ev ; rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en"))
              GRAPH ?facts { ?f a ?kind } ?kind rdfs:subClassOf akg:Fact .
              ?ev akg:statedIn ?this ; akg:quote ?quote .
            } ORDER BY ?kind ?label""");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    private final DatasetGraph dsg;
    private final Iris iris;
    private final Node factsGraph;
    private final FactModel model;
    private final Map<Node, String> labelCache = new HashMap<>();

    public Pages(DatasetGraph dsg, Iris iris) {
        this.dsg = dsg;
        this.iris = iris;
        this.factsGraph = iris.graph(Iris.FACTS_GRAPH);
        this.model = Kinds.of(dsg, iris);
    }

    private List<QuerySolution> select(Query q, Node self) {
        Map<String, Node> b = new HashMap<>();
        b.put("facts", factsGraph);
        if (self != null) b.put("this", self);
        return Sparql.select(dsg, q, b);
    }

    /** The facts naming an entity, in any role, of the declared kinds of fact; undated ones placed by their reported date. */
    private Query factsAbout() {
        return Sparql.parse("""
                SELECT DISTINCT ?f ?kind ?role ?label ?date ?event WHERE {
                  VALUES ?kind {%s }
                  GRAPH ?facts { ?f ?role ?this . ?f a ?kind OPTIONAL { ?f akg:event ?event } }
                  ?f rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en"))
                  OPTIONAL { ?f akg:date ?d1 } OPTIONAL { ?f akg:startDate ?d2 } OPTIONAL { ?f akg:reportedDate ?d3 }
                  BIND(STR(COALESCE(?d1, ?d2, ?d3)) AS ?date)
                } ORDER BY ?kind ?date ?label""".formatted(iriList(model.facts().stream().map(TableSchema::rdfClass).toList())));
    }

    /**
     * The relations shown under "Related": the shortcuts of the kinds of fact, and the references
     * entities and articles make to each other (a product's maker, an article's cited outlets).
     */
    private Query related() {
        Set<Node> props = new LinkedHashSet<>();
        for (TableSchema t : model.tables()) {
            for (TableSchema.Shortcut sc : t.shortcuts()) props.add(sc.property());
            if (t.kind().role() == Kind.Role.ENTITY || t.kind().role() == Kind.Role.ARTICLE) {
                for (Column c : t.columns()) {
                    if ((c.type() == ValueType.REF || c.type() == ValueType.REFS) && c.predicate() != null) props.add(c.predicate());
                }
            }
        }
        return Sparql.parse("""
                SELECT DISTINCT ?p ?other ?dir WHERE {
                  VALUES ?p {%s }
                  { GRAPH ?facts { ?this ?p ?other } BIND("out" AS ?dir) }
                  UNION { GRAPH ?facts { ?other ?p ?this } BIND("in" AS ?dir) }
                } ORDER BY ?p ?other""".formatted(iriList(props)));
    }

    /** The resources the index lists: entities of the declared kinds, articles, events and disagreements. */
    private Query indexQuery() {
        List<Node> classes = new ArrayList<>(model.entityClasses());
        if (model.articles().rdfClass() != null) classes.add(model.articles().rdfClass());
        classes.add(AKG.Event);
        classes.add(AKG.Disagreement);
        return Sparql.parse("""
                SELECT ?t ?x ?label WHERE {
                  VALUES ?t {%s }
                  GRAPH ?facts { ?x a ?t }
                  OPTIONAL { ?x rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) }
                  OPTIONAL { ?x dcterms:title ?title }
                  BIND(COALESCE(?l, ?title, STR(?x)) AS ?label)
                } ORDER BY ?t LCASE(STR(?label))""".formatted(iriList(classes)));
    }

    private static String iriList(java.util.Collection<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) if (n != null) sb.append(" <").append(n.getURI()).append('>');
        return sb.toString();
    }

    /** The page of a resource of the graph. */
    public String resource(Node iri) {
        Set<Node> types = new LinkedHashSet<>();
        for (QuerySolution s : select(TYPES, iri)) types.add(s.get("t").asNode());
        HtmlWriter h = new HtmlWriter().start(label(iri));
        h.markup("<h1>").text(label(iri)).markup("</h1>");
        String fr = labelIn(iri, "fr");
        if (fr != null && !fr.equals(label(iri))) h.markup("<p class=\"muted\">fr: ").text(fr).markup("</p>");
        h.markup("<p>");
        for (Node t : types) h.markup("<span class=\"chip\">").text(local(t)).markup("</span>");
        h.markup("</p><p class=\"muted\"><code>").text(iri.getURI()).markup("</code> · ")
                .link(editorLink(iri), "open a query about it in the SPARQL editor")
                .markup(" · as ").link(docPath(iri) + "?format=ttl", "Turtle").markup(", ")
                .link(docPath(iri) + "?format=jsonld", "JSON-LD").markup("</p>\n");
        TableSchema factKind = factKind(types);
        if (factKind != null) factSections(h, iri, factKind);
        else if (types.contains(AKG.Event)) eventSections(h, iri);
        else if (types.contains(AKG.Article)) articleSections(h, iri);
        else if (types.contains(AKG.Disagreement)) disagreementSections(h, iri);
        else if (!types.isEmpty() && !types.contains(AKG.Evidence)) entitySections(h, iri);
        properties(h, iri);
        return h.end();
    }

    private TableSchema factKind(Set<Node> types) {
        for (Node t : types) {
            TableSchema k = model.factOfClass(t);
            if (k != null) return k;
        }
        return null;
    }

    private void entitySections(HtmlWriter h, Node iri) {
        List<QuerySolution> facts = select(factsAbout(), iri);
        Set<Node> disagreements = new LinkedHashSet<>();
        for (QuerySolution f : facts) {
            for (QuerySolution d : select(DISAGREEMENTS_OF, f.get("f").asNode())) disagreements.add(d.get("d").asNode());
        }
        if (!disagreements.isEmpty()) {
            h.markup("<h2>Where the articles disagree</h2>");
            for (Node d : disagreements) disagreement(h, d);
        }
        h.markup("<h2>Facts</h2>");
        if (facts.isEmpty()) h.markup("<p class=\"muted\">No fact names it.</p>");
        // kind -> event -> its claims naming this entity, in the order of the query (by date)
        Map<Node, Map<Node, List<QuerySolution>>> byKind = new LinkedHashMap<>();
        Set<Node> shown = new LinkedHashSet<>();
        for (QuerySolution f : facts) {
            Node fn = f.get("f").asNode();
            if (!shown.add(fn)) continue;
            Node event = f.contains("event") ? f.get("event").asNode() : fn;
            byKind.computeIfAbsent(f.get("kind").asNode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(event, k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<Node, Map<Node, List<QuerySolution>>> kind : byKind.entrySet()) {
            h.markup("<h3>").text(plural(local(kind.getKey()))).markup("</h3>");
            for (Map.Entry<Node, List<QuerySolution>> event : kind.getValue().entrySet()) {
                boolean grouped = count(event.getKey(), AKG.claimCount) > 1;
                if (grouped) {
                    h.markup("<div class=\"event\"><p>Event: <strong>").link(href(event.getKey()), label(event.getKey()))
                            .markup("</strong> <span class=\"muted\">(").text(claims(count(event.getKey(), AKG.claimCount))).markup(", ");
                    support(h, event.getKey(), true);
                    h.markup(")</span></p>");
                }
                for (QuerySolution f : event.getValue()) {
                    factBox(h, f.get("f").asNode(), f.getLiteral("label").getString(), local(f.get("role").asNode()), grouped);
                }
                if (grouped) h.markup("</div>\n");
            }
        }
        List<QuerySolution> related = select(related(), iri);
        if (!related.isEmpty()) {
            h.markup("<h2>Related</h2><ul>");
            for (QuerySolution r : related) {
                Node other = r.get("other").asNode();
                boolean out = "out".equals(r.getLiteral("dir").getString());
                h.markup("<li>");
                if (out) h.text(words(local(r.get("p").asNode()))).markup(" ").link(href(other), label(other));
                else h.link(href(other), label(other)).markup(" ").text(words(local(r.get("p").asNode()))).markup(" this");
                h.markup("</li>");
            }
            h.markup("</ul>");
        }
    }

    /**
     * One claim: its label, the role the page's entity plays in it, whether it is disputed, what it
     * refines or is refined by, its support (of its event when the claim is the event's only one),
     * its reported date when it is undated, and its sources with who says it.
     *
     * @param inEvent whether the claim is shown inside its event's box (which shows the event's support)
     */
    private void factBox(HtmlWriter h, Node fact, String label, String role, boolean inEvent) {
        List<QuerySolution> conflicts = select(CONFLICTS, fact);
        h.markup("<div class=\"fact" + (conflicts.isEmpty() ? "" : " disputed") + "\">")
                .link(href(fact), label);
        if (role != null) h.markup(" <span class=\"muted\">(").text(words(role)).markup(")</span>");
        if (!conflicts.isEmpty()) {
            h.markup(" <span class=\"flag\">⚠ disputed: other articles say ");
            boolean first = true;
            for (QuerySolution c : conflicts) {
                if (!first) h.markup("; ");
                first = false;
                Node o = c.get("other").asNode();
                h.link(href(o), label(o));
            }
            h.markup("</span>");
        }
        refinements(h, fact);
        h.markup("<div class=\"muted\">");
        Node event = one(fact, AKG.event);
        if (inEvent || event == null) support(h, fact, false);
        else support(h, event, true);
        undated(h, fact);
        h.markup("</div>");
        sources(h, fact);
        h.markup("</div>\n");
    }

    /** "More precise than …" and "made more precise by …": refinements, which are not disagreements. */
    private void refinements(HtmlWriter h, Node fact) {
        for (Node coarser : objects(fact, AKG.refines)) {
            h.markup("<div class=\"refines\">↳ more precise than ").link(href(coarser), label(coarser)).markup("</div>");
        }
        for (Node finer : subjects(AKG.refines, fact)) {
            h.markup("<div class=\"refines\">↳ made more precise by ").link(href(finer), label(finer)).markup("</div>");
        }
    }

    /**
     * How many articles and independent origins report a claim or an event.
     *
     * @param ofEvent whether {@code n} is an event (or an event's only claim): then "single source" marks one origin
     */
    private void support(HtmlWriter h, Node n, boolean ofEvent) {
        long articles = count(n, AKG.articleCount);
        long origins = count(n, AKG.originCount);
        if (articles < 0) return;
        h.text(articles + (articles == 1 ? " article" : " articles"));
        if (origins >= 0) h.text(", " + origins + (origins == 1 ? " independent origin" : " independent origins"));
        if (ofEvent && origins == 1) h.markup(" <span class=\"chip warn\">single source</span>");
    }

    /** For a claim with no date of its own: "undated, reported by March 2024" (the earliest article's date). */
    private void undated(HtmlWriter h, Node fact) {
        if (dated(fact)) return;
        Node reported = one(fact, AKG.reportedDate);
        h.markup(" · <span class=\"undated\">undated");
        if (reported != null) h.text(", reported by " + readableDate(reported.getLiteralLexicalForm()));
        h.markup("</span>");
    }

    /** Whether a claim has a date of its own: a value in a date column of its kind. */
    private boolean dated(Node fact) {
        for (Node t : objects(fact, RDF.type.asNode())) {
            TableSchema kind = model.factOfClass(t);
            if (kind == null) continue;
            for (Column c : kind.columns()) {
                if (c.type() == ValueType.DATE && c.predicate() != null && one(fact, c.predicate()) != null) return true;
            }
            return false;
        }
        return true;
    }

    private void sources(HtmlWriter h, Node fact) {
        for (QuerySolution s : select(SOURCES, fact)) {
            Node article = s.get("article").asNode();
            h.markup("<div class=\"muted\">Source: ").link(href(article), s.getLiteral("title").getString());
            List<String> outlets = select(OUTLETS, article).stream().map(o -> o.getLiteral("label").getString()).toList();
            if (s.contains("site")) h.markup(", ").text(s.getLiteral("site").getString());
            if (!outlets.isEmpty()) h.markup(", citing ").text(String.join(", ", outlets));
            if (s.contains("adate")) h.markup(", ").text(s.getLiteral("adate").getLexicalForm());
            h.markup(" — ");
            attribution(h, s.get("ev").asNode());
            h.markup("</div><blockquote lang=\"").text(s.getLiteral("quote").getLanguage()).markup("\">« ")
                    .text(s.getLiteral("quote").getString()).markup(" »</blockquote>");
        }
    }

    /** Who says it: "the article reports", or "according to Elon Musk (tweet)"; allegations and speculation marked. */
    private void attribution(HtmlWriter h, Node evidence) {
        Attribution a = Attribution.of(dsg, factsGraph, evidence);
        h.markup("<span class=\"who\">").text(a.lead());
        for (int i = 0; i < a.saidBy().size(); i++) {
            h.markup(i == 0 ? " " : ", ").link(href(a.saidBy().get(i)), label(a.saidBy().get(i)));
        }
        if (a.channel() != null) h.markup(" (").text(label(a.channel())).markup(")");
        h.markup("</span>");
        if (a.notEstablished()) h.markup(" <span class=\"chip warn\">").text(label(a.mode())).markup("</span>");
    }

    private void factSections(HtmlWriter h, Node fact, TableSchema kind) {
        Node event = one(fact, AKG.event);
        if (event != null) {
            long claims = count(event, AKG.claimCount);
            h.markup("<p>Event: ").link(href(event), label(event)).markup(" <span class=\"muted\">(")
                    .text(claims > 1 ? "one of its " + claims + " claims" : "its only claim").markup("; the event: ");
            support(h, event, true);
            h.markup(")</span></p>");
        }
        h.markup("<p class=\"muted\">This claim: ");
        support(h, fact, false);
        Node reported = one(fact, AKG.reportedDate);
        if (reported != null) h.text("; first reported " + readableDate(reported.getLiteralLexicalForm()));
        if (!dated(fact)) h.text(" (it has no date of its own: it happened by then)");
        h.markup("</p>");
        refinements(h, fact);
        h.markup("<h2>Sources</h2>");
        sources(h, fact);
        for (QuerySolution d : select(DISAGREEMENTS_OF, fact)) {
            h.markup("<h2>Disagreement</h2>");
            disagreement(h, d.get("d").asNode());
        }
    }

    /**
     * An event: its kind, participants and the values its claims agree on (the columns of its kind,
     * as declared), its support and reported date, its claims with their sources, the refinements
     * and disagreements between them, and the articles that report it.
     */
    private void eventSections(HtmlWriter h, Node event) {
        Node kindClass = one(event, AKG.eventKind);
        TableSchema kind = kindClass == null ? null : model.factOfClass(kindClass);
        long claimCount = count(event, AKG.claimCount);
        h.markup("<p>");
        if (kindClass != null) h.markup("<span class=\"chip\">").text(label(kindClass)).markup("</span> ");
        h.text("Reported by ");
        support(h, event, true);
        Node reported = one(event, AKG.reportedDate);
        if (reported != null) h.text("; first reported " + readableDate(reported.getLiteralLexicalForm()));
        if (claimCount >= 0) h.text("; " + claims(claimCount));
        h.markup(".</p>");
        if (kind != null) {
            valueTable(h, event, kind, true, "Participants");
            valueTable(h, event, kind, false, "What its claims agree on");
        }
        List<Node> claims = new ArrayList<>();
        List<Node> disagreements = new ArrayList<>();
        for (Node n : subjects(AKG.event, event)) {
            if (objects(n, RDF.type.asNode()).contains(AKG.Disagreement)) disagreements.add(n);
            else claims.add(n);
        }
        claims.sort(Comparator.comparing((Node c) -> {
            Node d = one(c, AKG.reportedDate);
            return d == null ? "" : d.getLiteralLexicalForm();
        }).thenComparing(Node::getURI));
        h.markup("<h2>Claims (").text(Integer.toString(claims.size())).markup(")</h2>");
        for (Node c : claims) factBox(h, c, label(c), null, true);
        List<Node[]> refinements = new ArrayList<>();
        for (Node c : claims) for (Node coarser : objects(c, AKG.refines)) refinements.add(new Node[] {c, coarser});
        if (!refinements.isEmpty()) {
            h.markup("<h2>Refinements</h2><p class=\"muted\">A claim that says what another says, more precisely: not a disagreement.</p><ul>");
            for (Node[] r : refinements) {
                h.markup("<li>").link(href(r[0]), label(r[0])).markup(" is more precise than ").link(href(r[1]), label(r[1])).markup("</li>");
            }
            h.markup("</ul>");
        }
        if (!disagreements.isEmpty()) {
            h.markup("<h2>Where the articles disagree</h2>");
            for (Node d : disagreements) disagreement(h, d);
        }
        List<Node> articles = objects(event, AKG.reportedIn);
        articles.sort(Comparator.comparing((Node a) -> {
            Node d = one(a, AKG.date);
            return d == null ? "" : d.getLiteralLexicalForm();
        }).thenComparing(Node::getURI));
        h.markup("<h2>Articles (").text(Integer.toString(articles.size())).markup(")</h2><ul>");
        for (Node a : articles) {
            h.markup("<li>").link(href(a), label(a));
            List<String> outlets = select(OUTLETS, a).stream().map(o -> o.getLiteral("label").getString()).toList();
            if (!outlets.isEmpty()) h.markup(", citing ").text(String.join(", ", outlets));
            Node d = one(a, AKG.date);
            if (d != null) h.markup(", ").text(d.getLiteralLexicalForm());
            h.markup("</li>");
        }
        h.markup("</ul>");
    }

    /** The event's values in the declared columns of its kind: those that identify the event, or the others. */
    private void valueTable(HtmlWriter h, Node event, TableSchema kind, boolean identifying, String heading) {
        List<Column> rows = new ArrayList<>();
        for (Column c : kind.columns()) {
            if (c.predicate() != null && c.identifiesEvent() == identifying && !objects(event, c.predicate()).isEmpty()) rows.add(c);
        }
        if (rows.isEmpty()) return;
        h.markup("<h2>").text(heading).markup("</h2><table>");
        for (Column c : rows) {
            String name = model.label(c.predicate(), "en");
            h.markup("<tr><th>").text(name != null ? name : words(c.name())).markup("</th><td>");
            boolean first = true;
            for (Node v : objects(event, c.predicate())) {
                if (!first) h.markup(", ");
                first = false;
                if (v.isURI()) h.link(href(v), label(v));
                else h.text(show(v));
            }
            h.markup("</td></tr>");
        }
        h.markup("</table>");
    }

    private void disagreementSections(HtmlWriter h, Node d) {
        Node event = one(d, AKG.event);
        if (event != null) h.markup("<p>About the event ").link(href(event), label(event)).markup("</p>");
        disagreement(h, d);
    }

    /** The claims of a disagreement side by side, with the disputed values and each claim's sources. */
    private void disagreement(HtmlWriter h, Node d) {
        List<QuerySolution> rows = select(DISAGREEMENT, d);
        Map<Node, Set<Node>> claims = new LinkedHashMap<>();
        for (QuerySolution r : rows) claims.computeIfAbsent(r.get("claim").asNode(), k -> new LinkedHashSet<>()).add(r.get("prop").asNode());
        h.markup("<div class=\"fact disputed\"><p class=\"flag\">⚠ ").link(href(d), label(d)).markup("</p><div class=\"side\">");
        for (Map.Entry<Node, Set<Node>> c : claims.entrySet()) {
            h.markup("<div>").link(href(c.getKey()), label(c.getKey())).markup("<table>");
            for (Node p : c.getValue()) {
                List<String> values = new ArrayList<>();
                for (QuerySolution v : Sparql.select(dsg, VALUES, Map.of("facts", factsGraph, "this", c.getKey(), "prop", p))) {
                    values.add(show(v.get("v")));
                }
                h.markup("<tr><th>").text(words(local(p))).markup("</th><td>")
                        .text(values.isEmpty() ? "not stated" : String.join(", ", values)).markup("</td></tr>");
            }
            h.markup("</table>");
            sources(h, c.getKey());
            h.markup("</div>");
        }
        h.markup("</div></div>\n");
    }

    private void articleSections(HtmlWriter h, Node article) {
        List<QuerySolution> facts = select(REPORTED, article);
        h.markup("<h2>Facts this article supports (").text(Integer.toString(facts.size())).markup(")</h2>");
        Node kind = null;
        for (QuerySolution f : facts) {
            Node k = f.get("kind").asNode();
            if (!k.equals(kind)) {
                h.markup("<h3>").text(plural(local(k))).markup("</h3>");
                kind = k;
            }
            Node fn = f.get("f").asNode();
            h.markup("<div class=\"fact\">").link(href(fn), f.getLiteral("label").getString())
                    .markup("<div class=\"muted\">");
            attribution(h, f.get("ev").asNode());
            h.markup("</div><blockquote>« ").text(f.getLiteral("quote").getString()).markup(" »</blockquote></div>");
        }
    }

    private void properties(HtmlWriter h, Node iri) {
        List<QuerySolution> own = select(OWN, iri);
        if (own.isEmpty()) return;
        h.markup("<h2>All properties</h2><table>");
        for (QuerySolution s : own) {
            RDFNode o = s.get("o");
            h.markup("<tr><th>").text(qname(s.get("p").asNode())).markup("</th><td>");
            if (o.isURIResource()) h.link(href(o.asNode()), label(o.asNode()));
            else h.text(show(o));
            h.markup("</td></tr>");
        }
        h.markup("</table>");
    }

    /** The index of entities by type. */
    public String index() {
        HtmlWriter h = new HtmlWriter().start("Index");
        h.markup("<h1>article-kg</h1><p>Facts reported in news articles, each traceable to the article and words that state it. ")
                .markup("Browse by type below, <a href=\"/explore\">explore the graph</a>, run the <a href=\"/api/\">saved queries</a>, ")
                .markup("or query the <a href=\"/#/dataset/kg/query\">SPARQL endpoint</a> (<code>/kg/sparql</code>). ")
                .markup("Dataset description: <a href=\"/.well-known/void\">VoID</a>. Downloads: ")
                .markup("<a href=\"/dumps/article-kg.ttl\">Turtle</a>, <a href=\"/dumps/article-kg.trig\">TriG</a>, ")
                .markup("<a href=\"/dumps/article-kg.nq\">N-Quads</a>, <a href=\"/dumps/article-kg.jsonld\">JSON-LD</a>, ")
                .markup("<a href=\"/dumps/article-kg.gexf\">GEXF</a>, <a href=\"/dumps/article-kg.graphml\">GraphML</a>.</p>");
        Node type = null;
        for (QuerySolution s : select(indexQuery(), null)) {
            Node t = s.get("t").asNode();
            if (!t.equals(type)) {
                h.markup(type == null ? "" : "</ul>").markup("<h2>").text(plural(local(t))).markup("</h2><ul>");
                type = t;
            }
            h.markup("<li>").link(href(s.get("x").asNode()), s.getLiteral("label").getString()).markup("</li>");
        }
        if (type != null) h.markup("</ul>");
        return h.end();
    }

    // Triples of the facts graph.

    private Node one(Node s, Node p) {
        var it = dsg.find(factsGraph, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        dsg.find(factsGraph, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    private List<Node> subjects(Node p, Node o) {
        List<Node> out = new ArrayList<>();
        dsg.find(factsGraph, Node.ANY, p, o).forEachRemaining(q -> out.add(q.getSubject()));
        return out;
    }

    /** An integer property's value, or -1 when absent. */
    private long count(Node s, Node p) {
        Node n = one(s, p);
        if (n == null || !n.isLiteral()) return -1;
        try {
            return Long.parseLong(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String claims(long n) {
        return n + (n == 1 ? " claim" : " claims");
    }

    /** A date as people read it: "2024", "March 2024", "30 December 2024". */
    static String readableDate(String lexical) {
        try {
            return switch (lexical.length()) {
                case 7 -> YearMonth.parse(lexical).format(MONTH);
                case 10 -> LocalDate.parse(lexical).format(DAY);
                default -> lexical;
            };
        } catch (java.time.DateTimeException e) {
            return lexical;
        }
    }

    // Labels, links and values.

    String label(Node n) {
        return labelCache.computeIfAbsent(n, x -> {
            String en = labelIn(x, "en");
            if (en != null) return en;
            String any = labelIn(x, null);
            if (any != null) return any;
            List<QuerySolution> title = Sparql.select(dsg, Sparql.parse("SELECT ?t { ?this dcterms:title ?t }"), Map.of("this", x));
            if (!title.isEmpty()) return title.get(0).getLiteral("t").getString();
            return x.isURI() ? local(x) : x.toString();
        });
    }

    private String labelIn(Node n, String lang) {
        for (QuerySolution s : Sparql.select(dsg, LABELS, Map.of("this", n))) {
            var l = s.getLiteral("l");
            if (lang == null || lang.equalsIgnoreCase(l.getLanguage())) return l.getString();
        }
        return null;
    }

    /** A link target: local IRIs as paths on this server. */
    String href(Node n) {
        if (!n.isURI()) return "#";
        String uri = n.getURI();
        return uri.startsWith(iris.base()) ? "/" + uri.substring(iris.base().length()) : uri;
    }

    private String docPath(Node n) {
        String h = href(n);
        return h.startsWith("/id/") ? "/doc/" + h.substring(4) : h;
    }

    private static String editorLink(Node iri) {
        String q = Sparql.PREFIXES + "SELECT ?fact ?label ?article ?quote WHERE {\n  ?fact ?role <" + iri.getURI()
                + "> ; rdfs:label ?label ; prov:wasDerivedFrom ?ev .\n  FILTER(LANGMATCHES(LANG(?label), \"en\"))\n  ?ev akg:statedIn ?article ; akg:quote ?quote .\n} ORDER BY ?label";
        return "/#/dataset/kg/query?query=" + HtmlWriter.urlEncode(q);
    }

    static String local(Node n) {
        if (!n.isURI()) return n.toString();
        String u = n.getURI();
        int i = Math.max(u.lastIndexOf('#'), u.lastIndexOf('/'));
        return u.substring(i + 1);
    }

    private static String qname(Node p) {
        String u = p.getURI();
        if (u.startsWith(AKG.NS)) return "akg:" + u.substring(AKG.NS.length());
        if (u.equals(RDF.type.getURI())) return "rdf:type";
        return local(p);
    }

    private String show(RDFNode v) {
        return show(v.asNode());
    }

    private String show(Node v) {
        if (v.isURI()) return label(v);
        if (v.isLiteral()) {
            if (v.getLiteralDatatypeURI().equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal.getURI())) {
                return new java.math.BigDecimal(v.getLiteralLexicalForm()).stripTrailingZeros().toPlainString();
            }
            String lang = v.getLiteralLanguage();
            return v.getLiteralLexicalForm() + (lang.isEmpty() ? "" : " @" + lang);
        }
        return v.toString();
    }

    private static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "Person" -> "Persons";
            case "Company" -> "Companies";
            case "Nonprofit" -> "Non-profits";
            case "ResearchLab" -> "Research labs";
            case "MediaOrganization" -> "Media";
            case "AIModel" -> "AI models";
            case "Disagreement" -> "Disagreements";
            default -> words(kind).substring(0, 1).toUpperCase(java.util.Locale.ROOT) + words(kind).substring(1) + "s";
        };
    }
}
