package org.articlekg.publish;

import java.util.ArrayList;
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
import org.articlekg.load.Iris;
import org.articlekg.vocab.AKG;

/**
 * The HTML pages of the published graph: one per entity, fact and article, and an index of
 * entities by type. Readable without JavaScript; every value is escaped. Local IRIs link to their
 * pages as paths ({@code /id/...}), so the pages work on any host the graph is served from.
 */
public final class Pages {
    private static final Query TYPES = Sparql.parse("SELECT DISTINCT ?t WHERE { GRAPH ?facts { ?this a ?t } }");
    private static final Query OWN = Sparql.parse("SELECT ?p ?o WHERE { GRAPH ?facts { ?this ?p ?o } } ORDER BY ?p ?o");
    private static final Query LABELS = Sparql.parse("SELECT ?l WHERE { ?this rdfs:label ?l }");
    private static final Query FACTS_ABOUT = Sparql.parse("""
            SELECT DISTINCT ?f ?kind ?role ?label ?date WHERE {
              GRAPH ?facts { ?f ?role ?this . ?f a ?kind }
              ?kind rdfs:subClassOf akg:Fact .
              ?f rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en"))
              OPTIONAL { ?f akg:date ?d1 } OPTIONAL { ?f akg:startDate ?d2 }
              BIND(COALESCE(?d1, ?d2) AS ?date)
            } ORDER BY ?kind ?date ?label""");
    private static final Query SOURCES = Sparql.parse("""
            SELECT ?article ?title ?site ?adate ?quote WHERE {
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
    private static final Query RELATED = Sparql.parse("""
            SELECT DISTINCT ?p ?other ?dir WHERE {
              VALUES ?p { akg:investedIn akg:founded akg:foundedBy akg:affiliatedWith akg:sued akg:proposedTo
                          akg:left akg:released akg:maker akg:parentOrganization akg:cites }
              { GRAPH ?facts { ?this ?p ?other } BIND("out" AS ?dir) }
              UNION { GRAPH ?facts { ?other ?p ?this } BIND("in" AS ?dir) }
            } ORDER BY ?p ?other""");
    private static final Query REPORTED = Sparql.parse("""
            SELECT ?f ?kind ?label ?quote WHERE {
              ?f akg:reportedIn ?this ; prov:wasDerivedFrom ?ev ; rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en"))
              GRAPH ?facts { ?f a ?kind } ?kind rdfs:subClassOf akg:Fact .
              ?ev akg:statedIn ?this ; akg:quote ?quote .
            } ORDER BY ?kind ?label""");
    private static final Query INDEX = Sparql.parse("""
            SELECT ?t ?x ?label WHERE {
              GRAPH ?facts { ?x a ?t }
              FILTER(?t IN (akg:Person, akg:Company, akg:Nonprofit, akg:ResearchLab, akg:Incubator,
                            akg:MediaOrganization, akg:Organization, akg:AIModel, akg:Application, akg:Service,
                            akg:Vehicle, akg:Product, akg:Article, akg:Disagreement))
              OPTIONAL { ?x rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) }
              OPTIONAL { ?x dcterms:title ?title }
              BIND(COALESCE(?l, ?title, STR(?x)) AS ?label)
            } ORDER BY ?t LCASE(STR(?label))""");

    private final DatasetGraph dsg;
    private final Iris iris;
    private final Node factsGraph;
    private final Map<Node, String> labelCache = new HashMap<>();

    public Pages(DatasetGraph dsg, Iris iris) {
        this.dsg = dsg;
        this.iris = iris;
        this.factsGraph = iris.graph(Iris.FACTS_GRAPH);
    }

    private List<QuerySolution> select(Query q, Node self) {
        Map<String, Node> b = new HashMap<>();
        b.put("facts", factsGraph);
        if (self != null) b.put("this", self);
        return Sparql.select(dsg, q, b);
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
        boolean fact = types.stream().anyMatch(t -> Kinds.of(dsg, iris).factOfClass(t) != null);
        if (fact) factSections(h, iri);
        else if (types.contains(AKG.Article)) articleSections(h, iri);
        else if (types.contains(AKG.Disagreement)) disagreement(h, iri);
        else if (!types.isEmpty() && !types.contains(AKG.Evidence)) entitySections(h, iri);
        properties(h, iri);
        return h.end();
    }

    private void entitySections(HtmlWriter h, Node iri) {
        List<QuerySolution> facts = select(FACTS_ABOUT, iri);
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
        Node kind = null;
        Set<Node> shown = new LinkedHashSet<>();
        for (QuerySolution f : facts) {
            Node fn = f.get("f").asNode();
            if (!shown.add(fn)) continue;
            Node k = f.get("kind").asNode();
            if (!k.equals(kind)) {
                h.markup("<h3>").text(plural(local(k))).markup("</h3>");
                kind = k;
            }
            factBox(h, fn, f.getLiteral("label").getString(), local(f.get("role").asNode()));
        }
        List<QuerySolution> related = select(RELATED, iri);
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

    private void factBox(HtmlWriter h, Node fact, String label, String role) {
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
        sources(h, fact);
        h.markup("</div>\n");
    }

    private void sources(HtmlWriter h, Node fact) {
        for (QuerySolution s : select(SOURCES, fact)) {
            Node article = s.get("article").asNode();
            h.markup("<div class=\"muted\">Source: ").link(href(article), s.getLiteral("title").getString());
            List<String> outlets = select(OUTLETS, article).stream().map(o -> o.getLiteral("label").getString()).toList();
            if (s.contains("site")) h.markup(", ").text(s.getLiteral("site").getString());
            if (!outlets.isEmpty()) h.markup(", citing ").text(String.join(", ", outlets));
            if (s.contains("adate")) h.markup(", ").text(s.getLiteral("adate").getLexicalForm());
            h.markup("</div><blockquote lang=\"").text(s.getLiteral("quote").getLanguage()).markup("\">« ")
                    .text(s.getLiteral("quote").getString()).markup(" »</blockquote>");
        }
    }

    private void factSections(HtmlWriter h, Node fact) {
        h.markup("<h2>Sources</h2>");
        sources(h, fact);
        for (QuerySolution d : select(DISAGREEMENTS_OF, fact)) {
            h.markup("<h2>Disagreement</h2>");
            disagreement(h, d.get("d").asNode());
        }
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
                    .markup("<blockquote>« ").text(f.getLiteral("quote").getString()).markup(" »</blockquote></div>");
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
        for (QuerySolution s : select(INDEX, null)) {
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
        if (v.isURIResource()) return label(v.asNode());
        if (v.isLiteral()) {
            var l = v.asLiteral();
            if (l.getDatatypeURI().equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal.getURI())) {
                return new java.math.BigDecimal(l.getLexicalForm()).stripTrailingZeros().toPlainString();
            }
            return l.getLexicalForm() + (l.getLanguage().isEmpty() ? "" : " @" + l.getLanguage());
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
