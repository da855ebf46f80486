package org.articlekg.publish;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.math.BigDecimal;
import java.util.Objects;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;
import org.articlekg.load.Kind;
import org.articlekg.load.Labels;
import org.articlekg.load.TableSchema;
import org.articlekg.load.ValueType;
import org.articlekg.query.ParameterException;
import org.articlekg.vocab.AKG;

/**
 * The HTML pages of the published graph: one per entity, fact (claim), event, disagreement and
 * article, and an index by type. Each source of a claim says who says it (the article's own
 * reporting, or a named person or organisation through a channel) and marks allegations and
 * speculation; claims are grouped by event with the event's number of articles and independent
 * origins; refinements are shown apart from disagreements; undated claims show their reported
 * date. Which classes are kinds of fact, entities and relations comes from the declarations
 * ({@link Kinds}). This class prepares each page's view model (the records below); the markup is
 * in {@code templates/resource.mustache} and {@code templates/index.mustache}, which escape every
 * value. Amounts and dates read as people write them ({@code USD 10 billion}, {@code early 2018});
 * an entity's page has a table of contents, a filter box and a timeline of its facts (drawn by
 * ECharts; the facts stay readable without JavaScript). Local IRIs link to their pages as paths
 * ({@code /id/...}), so the pages work on any host the graph is served from.
 *
 * <p>What a page shows is bounded, and what it reads grows with the entity (or type), not the
 * graph: an entity named by more than {@link #FACTS_PER_PAGE} claims has its claims on numbered
 * pages (each page orders all of them first), "Related" lists at most {@link #RELATED_SHOWN}
 * resources (and "All properties" leaves them out on such an entity), and the index lists a
 * type's members inline only when they are few ({@link #INDEX_INLINE}), on pages of
 * {@link #INDEX_PER_PAGE} otherwise.
 */
public final class Pages {
    /** The claims on one page of an entity; an entity named by more is shown on several pages. */
    public static final int FACTS_PER_PAGE = 100;
    /** The most resources "Related" lists on an entity's page (the saved query entity-neighbourhood has them all). */
    public static final int RELATED_SHOWN = 200;
    /** The most members of a type the index lists inline; a type with more has pages of its own. */
    public static final int INDEX_INLINE = 200;
    /** The members of a type on one of its index pages, in IRI order. */
    public static final int INDEX_PER_PAGE = 500;

    private static final Query TYPES = Sparql.parse("SELECT DISTINCT ?t WHERE { GRAPH ?facts { ?this a ?t } }");
    private static final Query OWN = Sparql.parse("SELECT ?p ?o WHERE { GRAPH ?facts { ?this ?p ?o } } ORDER BY ?p ?o");
    private static final Query DESCRIPTION = Sparql.parse("""
            SELECT ?d WHERE { ?this dcterms:description ?d FILTER(LANGMATCHES(LANG(?d), "en")) }""");
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
        b.put("summary", iris.graph(Iris.SUMMARY_GRAPH));
        if (self != null) b.put("this", self);
        return Sparql.select(dsg, q, b);
    }

    /**
     * The claims naming an entity, in any role, of the declared kinds of fact, each with its kind
     * and its first row's place on the timeline ({@code akg:timelineRank}, graph/summary).
     */
    private Query claimsOf() {
        return Sparql.parse("""
                SELECT ?f ?kind (MIN(?r) AS ?rank) WHERE {
                  # one pattern over the union of the graphs (the facts graph holds the kinds and
                  # roles, the summary graph the ranks), read from the entity: the store reads it
                  # without turning each row's identifiers into terms. The kinds are a FILTER on a
                  # subquery, not VALUES: with VALUES the store started from every fact of each kind.
                  { SELECT DISTINCT ?f ?kind WHERE { ?f ?role ?this . ?f a ?kind } }
                  FILTER(?kind IN (%s))
                  # a claim with no date and no reported date has no rank
                  OPTIONAL { ?f akg:timelineRank ?r }
                } GROUP BY ?f ?kind""".formatted(String.join(", ", model.facts().stream().map(TableSchema::rdfClass)
                        .filter(Objects::nonNull).map(c -> "<" + c.getURI() + ">").toList())));
    }

    /**
     * What an entity's page shows of the given claims naming it, each under the kind it was given;
     * undated ones placed by their reported date; a claim with no English label by its IRI.
     */
    private Query factsAbout(List<Claim> claims) {
        StringBuilder pairs = new StringBuilder();
        for (Claim c : claims) pairs.append(" (<").append(c.fact().getURI()).append("> <").append(c.kind().getURI()).append(">)");
        return Sparql.parse("""
                SELECT DISTINCT ?f ?kind ?role ?label ?date ?event WHERE {
                  VALUES (?f ?kind) {%s }
                  GRAPH ?facts { ?f ?role ?this }
                  OPTIONAL { GRAPH ?facts { ?f akg:event ?event } }
                  OPTIONAL { ?f rdfs:label ?en FILTER(LANGMATCHES(LANG(?en), "en")) }
                  BIND(COALESCE(?en, STR(?f)) AS ?label)
                  OPTIONAL { ?f akg:date ?d1 } OPTIONAL { ?f akg:startDate ?d2 } OPTIONAL { ?f akg:reportedDate ?d3 }
                  BIND(STR(COALESCE(?d1, ?d2, ?d3)) AS ?date)
                } ORDER BY ?kind ?date ?label""".formatted(pairs));
    }

    /** A claim naming an entity, and its kind of fact. */
    private record Claim(Node fact, Node kind) {}

    /**
     * The claims naming an entity, in the order of its page: by kind of fact (by IRI), then as on
     * the timeline, unranked claims last; a claim of two kinds under the first.
     */
    private List<Claim> claims(Node entity) {
        record Ranked(Claim claim, long rank) {}
        List<Ranked> ranked = new ArrayList<>();
        for (QuerySolution s : select(claimsOf(), entity)) {
            long rank = s.contains("rank") && s.get("rank").isLiteral() ? s.getLiteral("rank").getLong() : Long.MAX_VALUE;
            ranked.add(new Ranked(new Claim(s.get("f").asNode(), s.get("kind").asNode()), rank));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> r.claim().kind().getURI()).thenComparingLong(Ranked::rank)
                .thenComparing(r -> r.claim().fact().getURI()));
        Set<Node> seen = new HashSet<>();
        List<Claim> out = new ArrayList<>();
        for (Ranked r : ranked) if (seen.add(r.claim().fact())) out.add(r.claim());
        return out;
    }

    /** One page of the claims naming an entity: page {@code page} of {@code pages}. */
    public record ClaimPage(int page, int pages, List<Node> claims) {}

    /**
     * The claims on page {@code page} (from 1) of an entity, for its description as RDF; null for a
     * resource that is not an entity.
     *
     * @throws ParameterException when there is no such page
     */
    public ClaimPage claimsOnPage(Node iri, int page) {
        if (!isEntity(types(iri))) {
            pageStart(page, 0);
            return null;
        }
        List<Claim> all = claims(iri);
        int from = pageStart(page, all.size());
        return new ClaimPage(page, pages(all.size()),
                all.subList(from, Math.min(all.size(), from + FACTS_PER_PAGE)).stream().map(Claim::fact).toList());
    }

    /** The number of pages of a resource with {@code claims} claims. */
    public static int pages(int claims) {
        return Math.max(1, (claims + FACTS_PER_PAGE - 1) / FACTS_PER_PAGE);
    }

    /** The first claim on a page, or a {@code page} parameter error when there is no such page. */
    private static int pageStart(int page, int claims) {
        int pages = pages(claims);
        if (page < 1 || page > pages) {
            throw new ParameterException(PAGE, "no page " + page + ": this resource has "
                    + (pages == 1 ? "one page" : pages + " pages (its " + claims + " claims, " + FACTS_PER_PAGE + " a page)"));
        }
        return (page - 1) * FACTS_PER_PAGE;
    }

    /** The query parameter naming a page, of an entity's page and of the index. */
    public static final String PAGE = "page";

    /** The relations shown under "Related" ({@link #relations()}), in both directions. */
    private Query related() {
        return Sparql.parse("""
                SELECT DISTINCT ?p ?other ?dir WHERE {
                  VALUES ?p {%s }
                  { GRAPH ?facts { ?this ?p ?other } BIND("out" AS ?dir) }
                  UNION { GRAPH ?facts { ?other ?p ?this } BIND("in" AS ?dir) }
                } ORDER BY ?p ?other LIMIT %d""".formatted(Sparql.iris(relations()), RELATED_SHOWN + 1));
    }

    /**
     * The relations between entities and articles: the shortcuts of the kinds of fact, and the
     * references entities and articles make to each other (a product's maker, an article's cited outlets).
     */
    public Set<Node> relations() {
        Set<Node> props = new LinkedHashSet<>();
        for (TableSchema t : model.tables()) {
            for (TableSchema.Shortcut sc : t.shortcuts()) props.add(sc.property());
            if (t.kind().role() == Kind.Role.ENTITY || t.kind().role() == Kind.Role.ARTICLE) {
                for (Column c : t.columns()) {
                    if ((c.type() == ValueType.REF || c.type() == ValueType.REFS) && c.predicate() != null) props.add(c.predicate());
                }
            }
        }
        return props;
    }

    /** The types the index lists: the entities' declared kinds, articles, events and disagreements. */
    private List<Node> indexTypes() {
        List<Node> classes = new ArrayList<>(model.entityClasses());
        if (model.articles().rdfClass() != null) classes.add(model.articles().rdfClass());
        classes.add(AKG.Event);
        classes.add(AKG.Disagreement);
        return classes.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** The members of the given types, by type then label. */
    private Query indexQuery(List<Node> types) {
        return Sparql.parse("""
                SELECT ?t ?x ?label WHERE {
                  VALUES ?t {%s }
                  GRAPH ?facts { ?x a ?t }
                  OPTIONAL { ?x rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) }
                  OPTIONAL { ?x dcterms:title ?title }
                  BIND(COALESCE(?l, ?title, STR(?x)) AS ?label)
                } ORDER BY ?t LCASE(STR(?label))""".formatted(Sparql.iris(types)));
    }

    private static final Query MEMBER_COUNT = Sparql.parse("SELECT (COUNT(?x) AS ?n) WHERE { GRAPH ?facts { ?x a ?this } }");
    private static final Query MEMBERS = Sparql.parse("SELECT ?x WHERE { GRAPH ?facts { ?x a ?this } } ORDER BY ?x");

    // The view model: what the templates (templates/resource.mustache and its partials) render.

    /**
     * Where an entity's page is among its pages: claims {@code first} to {@code last} of
     * {@code total}, with links to the neighbouring and last pages (null at either end), where
     * each kind of fact starts, and the saved query that gives the whole timeline.
     */
    public record Paging(int page, int pages, int first, int last, int total, String previous, String next, String lastPage,
                         List<KindStart> kinds, String timeline) {
        public int perPage() { return FACTS_PER_PAGE; }
        /** What the pager counts. */
        public String noun() { return "Facts"; }
    }

    /**
     * A kind of fact on an entity's pages: its heading, its claims naming the entity, the page it
     * starts on and a link there; {@code sep} goes before it in a list.
     */
    public record KindStart(String sep, String heading, int claims, int page, String href) {}

    /** A section of a page, listed in its table of contents. */
    public record Section(String id, String title) {}

    /** How many articles and independent origins report a claim or an event; {@code singleSource} marks one origin. */
    public record Support(String text, boolean singleSource) {}

    /** Who says it: "the article reports", "according to" some people (through a channel); {@code warn} names an allegation or speculation. */
    public record Who(String lead, List<Link.Joined> saidBy, String channel, String warn) {}

    /** One article's support of a claim: where, who says it, and in what words. */
    public record Source(Link article, String site, String outlets, String date, Who who, String quote, String quoteLang) {}

    /** "more precise than …" or "made more precise by …". */
    public record Refinement(String text, Link other) {}

    /** One claim in a box: its label, the entity's role in it, its conflicts, refinements, support, reported date when undated, sources. */
    public record Fact(Link link, String role, List<Link.Joined> conflicts, List<Refinement> refinements, Support support,
                       String undated, List<Source> sources) {
        public boolean disputed() { return !conflicts.isEmpty(); }
    }

    /** The claims of one event on an entity page; {@code grouped} when the event has several claims (boxed with its support). */
    public record EventGroup(boolean grouped, Link event, String claims, Support support, List<Fact> facts) {}

    /** The facts of one kind on an entity page. */
    public record KindGroup(String id, String heading, List<EventGroup> events) {}

    /** A value shown in a table row. */
    public record Row(String name, List<Link.Joined> values) {}

    /** One side of a disagreement: the claim, its disputed values and its sources. */
    public record Side(Link claim, List<Row> rows, List<Source> sources) {}

    /** A disagreement, its claims side by side; the title says what is disputed, not one side's value. */
    public record Dispute(Link title, List<Side> sides) {}

    /** A relation of an entity to another: "founded X" (out) or "X founded this" (in). */
    public record Related(boolean out, String relation, Link other) {}

    /**
     * The sections of an entity's page.
     *
     * @param moreRelated whether the entity has more related resources than "Related" lists ({@link #RELATED_SHOWN})
     * @param neighbourhood the saved query entity-neighbourhood on this entity: its relations with other entities, all of them
     */
    public record EntityView(List<Dispute> disputes, List<KindGroup> kinds, List<Related> related, boolean moreRelated,
                             String neighbourhood) {
        public boolean noFacts() { return kinds.isEmpty(); }
    }

    /** The sections of a claim's page. */
    public record FactView(Link event, String eventClaims, Support eventSupport, Support support, String reported,
                           boolean undated, List<Refinement> refinements, List<Source> sources, List<Dispute> disputes) {}

    /** A refinement between two claims of an event. */
    public record RefinementPair(Link finer, Link coarser) {}

    /** An article of an event, with the outlets it cites and its date. */
    public record ArticleItem(Link link, String outlets, String date) {}

    /** A table of an event's values: its participants, or what its claims agree on. */
    public record ValueTable(String heading, List<Row> rows) {}

    /** The sections of an event's page. */
    public record EventView(String kind, Support support, String reported, String claimCount, List<ValueTable> tables,
                            List<Fact> claims, List<RefinementPair> refinements, List<Dispute> disputes, List<ArticleItem> articles) {
        public int claimTotal() { return claims.size(); }
        public int articleTotal() { return articles.size(); }
    }

    /** A claim an article supports, with who says it there and the words. */
    public record Reported(Link link, Who who, String quote) {}

    /** The claims an article supports, by kind. */
    public record ReportedKind(String heading, List<Reported> facts) {}

    /** The sections of an article's page. */
    public record ArticleView(int total, List<ReportedKind> kinds) {}

    /** The sections of a disagreement's page. */
    public record DisputeView(Link event, Dispute dispute) {}

    /** A row of "All properties": a property and its value, linked when it is a resource. */
    public record Property(String name, Link value) {}

    /**
     * A resource's page. Exactly one of {@code entity}, {@code fact}, {@code event}, {@code article}
     * and {@code disagreement} is set, by the resource's type (none for other resources).
     *
     * @param timeline the entity's dated facts (of this page) as JSON for the timeline view (null when it has none)
     * @param paging where this page is among the entity's pages (null when it has one)
     */
    public record ResourcePage(String title, String frLabel, String description, List<String> types, String iri,
                               String editor, String turtle, String jsonld, List<Section> toc,
                               EntityView entity, FactView fact, EventView event, ArticleView article, DisputeView disagreement,
                               List<Property> properties, String timeline, int timelineItems, Paging paging) {
        public boolean views() { return timeline != null; }
        /** A table of contents and a filter box on pages with many sections. */
        public boolean longPage() { return toc.size() >= 3; }
    }

    /** The page of a resource of the graph (an entity's first page). */
    public String resource(Node iri) {
        return resource(iri, 1);
    }

    /**
     * Page {@code page} (from 1) of a resource of the graph.
     *
     * @throws ParameterException when there is no such page
     */
    public String resource(Node iri, int page) {
        return render(page(iri, page));
    }

    /** A resource's page as HTML. */
    public static String render(ResourcePage page) {
        return Templates.render("resource", page);
    }

    /** The view model of a resource's (first) page. */
    public ResourcePage page(Node iri) {
        return page(iri, 1);
    }

    /**
     * The view model of page {@code page} (from 1) of a resource: only an entity named by more than
     * {@link #FACTS_PER_PAGE} claims has more than one.
     *
     * @throws ParameterException when there is no such page
     */
    public ResourcePage page(Node iri, int page) {
        Set<Node> types = types(iri);
        String title = label(iri);
        String fr = labelIn(iri, "fr");
        String description = null;
        for (QuerySolution s : select(DESCRIPTION, iri)) description = s.getLiteral("d").getString();
        List<Section> toc = new ArrayList<>();
        EntityView entity = null;
        FactView fact = null;
        EventView event = null;
        ArticleView article = null;
        DisputeView disagreement = null;
        Paging paging = null;
        String timeline = null;
        int timelineItems = 0;
        TableSchema factKind = factKind(types);
        if (!isEntity(types)) pageStart(page, 0);
        if (factKind != null) fact = factView(iri);
        else if (types.contains(AKG.Event)) event = eventView(iri);
        else if (types.contains(AKG.Article)) article = articleView(iri);
        else if (types.contains(AKG.Disagreement)) disagreement = new DisputeView(linkOrNull(one(iri, AKG.event)), dispute(iri));
        else if (isEntity(types)) {
            List<Claim> all = claims(iri);
            int from = pageStart(page, all.size());
            List<Claim> shown = all.subList(from, Math.min(all.size(), from + FACTS_PER_PAGE));
            if (all.size() > FACTS_PER_PAGE) paging = paging(iri, page, all, from, shown.size());
            List<QuerySolution> facts = factsOf(iri, shown);
            entity = entityView(iri, facts);
            JsonArray items = timelineItems(facts);
            if (!items.isEmpty()) {
                timeline = org.apache.jena.atlas.json.JSON.toStringFlat(items);
                timelineItems = items.size();
                toc.add(new Section("timeline", "Timeline"));
            }
            if (!entity.disputes().isEmpty()) toc.add(new Section("disputes", "Where the articles disagree"));
            for (KindGroup k : entity.kinds()) toc.add(new Section(k.id(), k.heading()));
            if (!entity.related().isEmpty()) toc.add(new Section("related", "Related"));
        }
        // on an entity of several pages, its relations are under Related (the first 200), not here
        List<Property> properties = properties(iri, paging == null ? Set.of() : relations());
        if (!properties.isEmpty() && !toc.isEmpty()) toc.add(new Section("properties", "All properties"));
        return new ResourcePage(title, fr != null && !fr.equals(title) ? fr : null, description,
                types.stream().map(Pages::local).toList(), iri.getURI(), editorLink(iri),
                docPath(iri) + "?format=ttl" + (page > 1 ? "&page=" + page : ""),
                docPath(iri) + "?format=jsonld" + (page > 1 ? "&page=" + page : ""), toc,
                entity, fact, event, article, disagreement, properties, timeline, timelineItems, paging);
    }

    private Set<Node> types(Node iri) {
        Set<Node> types = new LinkedHashSet<>();
        for (QuerySolution s : select(TYPES, iri)) types.add(s.get("t").asNode());
        return types;
    }

    /** Whether a resource of these types has an entity's page: typed, and not a claim, event, article, disagreement or evidence. */
    private boolean isEntity(Set<Node> types) {
        return !types.isEmpty() && factKind(types) == null
                && Collections.disjoint(types, List.of(AKG.Event, AKG.Article, AKG.Disagreement, AKG.Evidence));
    }

    /** The rows {@link #factsAbout} gives for the claims shown, in their order. */
    private List<QuerySolution> factsOf(Node entity, List<Claim> shown) {
        if (shown.isEmpty()) return List.of();
        Map<Node, Integer> place = new HashMap<>();
        for (Claim c : shown) place.putIfAbsent(c.fact(), place.size());
        List<QuerySolution> rows = new ArrayList<>(select(factsAbout(shown), entity));
        rows.sort(Comparator.comparingInt(r -> place.getOrDefault(r.get("f").asNode(), Integer.MAX_VALUE)));
        return rows;
    }

    /** Where page {@code page} is among an entity's pages, with the page each kind of fact starts on. */
    private Paging paging(Node iri, int page, List<Claim> all, int from, int shown) {
        int pages = pages(all.size());
        String doc = docPath(iri);
        Map<Node, int[]> kinds = new LinkedHashMap<>(); // kind -> {first index, count}
        for (int i = 0; i < all.size(); i++) {
            int index = i;
            kinds.computeIfAbsent(all.get(i).kind(), k -> new int[] {index, 0})[1]++;
        }
        List<KindStart> starts = new ArrayList<>();
        for (Map.Entry<Node, int[]> k : kinds.entrySet()) {
            int on = k.getValue()[0] / FACTS_PER_PAGE + 1;
            starts.add(new KindStart(starts.isEmpty() ? "" : " · ", plural(local(k.getKey())), k.getValue()[1], on,
                    (on == page ? "" : doc + "?page=" + on) + "#kind-" + local(k.getKey())));
        }
        return new Paging(page, pages, from + 1, from + shown, all.size(),
                page > 1 ? doc + "?page=" + (page - 1) : null, page < pages ? doc + "?page=" + (page + 1) : null,
                doc + "?page=" + pages, starts, "/api/entity-timeline?entity=" + encode(iri.getURI()));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private TableSchema factKind(Set<Node> types) {
        for (Node t : types) {
            TableSchema k = model.factOfClass(t);
            if (k != null) return k;
        }
        return null;
    }

    /**
     * The timeline of an entity's facts: one item per claim at its date, or, for a claim with no
     * date of its own, at its reported date (the earliest article's) and marked undated; disputed
     * claims flagged.
     */
    private JsonArray timelineItems(List<QuerySolution> facts) {
        JsonArray items = new JsonArray();
        Set<Node> seen = new LinkedHashSet<>();
        for (QuerySolution f : facts) {
            Node fn = f.get("f").asNode();
            if (!f.contains("date") || !seen.add(fn)) continue;
            JsonObject o = new JsonObject();
            o.put("date", f.getLiteral("date").getLexicalForm());
            o.put("when", readableDate(f.getLiteral("date").getLexicalForm()));
            o.put("label", f.getLiteral("label").getString());
            o.put("href", href(fn));
            o.put("kind", plural(local(f.get("kind").asNode())));
            o.put("undated", !dated(fn));
            o.put("disputed", !select(CONFLICTS, fn).isEmpty());
            items.add(o);
        }
        return items;
    }

    private EntityView entityView(Node iri, List<QuerySolution> facts) {
        Set<Node> disagreements = new LinkedHashSet<>();
        for (QuerySolution f : facts) {
            for (QuerySolution d : select(DISAGREEMENTS_OF, f.get("f").asNode())) disagreements.add(d.get("d").asNode());
        }
        List<Dispute> disputes = disagreements.stream().map(this::dispute).toList();
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
        List<KindGroup> kinds = new ArrayList<>();
        for (Map.Entry<Node, Map<Node, List<QuerySolution>>> kind : byKind.entrySet()) {
            List<EventGroup> events = new ArrayList<>();
            for (Map.Entry<Node, List<QuerySolution>> event : kind.getValue().entrySet()) {
                long claimCount = count(event.getKey(), AKG.claimCount);
                boolean grouped = claimCount > 1;
                List<Fact> boxes = new ArrayList<>();
                for (QuerySolution f : event.getValue()) {
                    boxes.add(fact(f.get("f").asNode(), f.getLiteral("label").getString(), local(f.get("role").asNode()), grouped));
                }
                events.add(new EventGroup(grouped, link(event.getKey()), grouped ? claims(claimCount) : null,
                        grouped ? support(event.getKey(), true) : null, boxes));
            }
            kinds.add(new KindGroup("kind-" + local(kind.getKey()), plural(local(kind.getKey())), events));
        }
        List<Related> related = new ArrayList<>();
        List<QuerySolution> relatedRows = select(related(), iri);
        for (QuerySolution r : relatedRows.subList(0, Math.min(RELATED_SHOWN, relatedRows.size()))) {
            related.add(new Related("out".equals(r.getLiteral("dir").getString()), words(local(r.get("p").asNode())), link(r.get("other").asNode())));
        }
        return new EntityView(disputes, kinds, related, relatedRows.size() > RELATED_SHOWN,
                "/api/entity-neighbourhood?entity=" + encode(iri.getURI()));
    }

    /**
     * One claim: its label, the role the page's entity plays in it, whether it is disputed, what it
     * refines or is refined by, its support (of its event when the claim is the event's only one),
     * its reported date when it is undated, and its sources with who says it.
     *
     * @param inEvent whether the claim is shown inside its event's box (which shows the event's support)
     */
    private Fact fact(Node fact, String label, String role, boolean inEvent) {
        List<Link> conflicts = select(CONFLICTS, fact).stream().map(c -> link(c.get("other").asNode())).toList();
        Node event = one(fact, AKG.event);
        Support support = inEvent || event == null ? support(fact, false) : support(event, true);
        String undated = null;
        if (!dated(fact)) {
            Node reported = one(fact, AKG.reportedDate);
            undated = "undated" + (reported == null ? "" : ", reported by " + readableDate(reported.getLiteralLexicalForm()));
        }
        return new Fact(new Link(href(fact), label), role == null ? null : words(role), Link.joined(conflicts, "; "),
                refinements(fact), support, undated, sources(fact));
    }

    /** "More precise than …" and "made more precise by …": refinements, which are not disagreements. */
    private List<Refinement> refinements(Node fact) {
        List<Refinement> out = new ArrayList<>();
        for (Node coarser : objects(fact, AKG.refines)) out.add(new Refinement("more precise than", link(coarser)));
        for (Node finer : subjects(AKG.refines, fact)) out.add(new Refinement("made more precise by", link(finer)));
        return out;
    }

    /**
     * How many articles and independent origins report a claim or an event; null when not counted.
     *
     * @param ofEvent whether {@code n} is an event (or an event's only claim): then "single source" marks one origin
     */
    private Support support(Node n, boolean ofEvent) {
        long articles = count(n, AKG.articleCount);
        long origins = count(n, AKG.originCount);
        if (articles < 0) return null;
        String text = articles + (articles == 1 ? " article" : " articles");
        if (origins >= 0) text += ", " + origins + (origins == 1 ? " independent origin" : " independent origins");
        return new Support(text, ofEvent && origins == 1);
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

    private List<Source> sources(Node fact) {
        List<Source> out = new ArrayList<>();
        for (QuerySolution s : select(SOURCES, fact)) {
            Node article = s.get("article").asNode();
            List<String> outlets = select(OUTLETS, article).stream().map(o -> o.getLiteral("label").getString()).toList();
            out.add(new Source(new Link(href(article), s.getLiteral("title").getString()),
                    s.contains("site") ? s.getLiteral("site").getString() : null,
                    outlets.isEmpty() ? null : String.join(", ", outlets),
                    s.contains("adate") ? s.getLiteral("adate").getLexicalForm() : null,
                    who(s.get("ev").asNode()), s.getLiteral("quote").getString(), s.getLiteral("quote").getLanguage()));
        }
        return out;
    }

    /** Who says it: "the article reports", or "according to Elon Musk (tweet)"; allegations and speculation marked. */
    private Who who(Node evidence) {
        Attribution a = Attribution.of(dsg, factsGraph, evidence);
        return new Who(a.lead(), Link.joined(a.saidBy().stream().map(this::link).toList(), ", "),
                a.channel() == null ? null : label(a.channel()), a.notEstablished() ? label(a.mode()) : null);
    }

    private FactView factView(Node fact) {
        Node event = one(fact, AKG.event);
        String eventClaims = null;
        if (event != null) {
            long claims = count(event, AKG.claimCount);
            eventClaims = claims > 1 ? "one of its " + claims + " claims" : "its only claim";
        }
        Node reported = one(fact, AKG.reportedDate);
        return new FactView(linkOrNull(event), eventClaims, event == null ? null : support(event, true), support(fact, false),
                reported == null ? null : readableDate(reported.getLiteralLexicalForm()), !dated(fact), refinements(fact),
                sources(fact), select(DISAGREEMENTS_OF, fact).stream().map(d -> dispute(d.get("d").asNode())).toList());
    }

    /**
     * An event: its kind, participants and the values its claims agree on (the columns of its kind,
     * as declared), its support and reported date, its claims with their sources, the refinements
     * and disagreements between them, and the articles that report it.
     */
    private EventView eventView(Node event) {
        Node kindClass = one(event, AKG.eventKind);
        TableSchema kind = kindClass == null ? null : model.factOfClass(kindClass);
        long claimCount = count(event, AKG.claimCount);
        Node reported = one(event, AKG.reportedDate);
        List<ValueTable> tables = new ArrayList<>();
        if (kind != null) {
            for (boolean identifying : new boolean[] {true, false}) {
                ValueTable t = valueTable(event, kind, identifying, identifying ? "Participants" : "What its claims agree on");
                if (t != null) tables.add(t);
            }
        }
        List<Node> claimNodes = new ArrayList<>();
        List<Node> disagreements = new ArrayList<>();
        for (Node n : subjects(AKG.event, event)) {
            if (objects(n, RDF.type.asNode()).contains(AKG.Disagreement)) disagreements.add(n);
            else claimNodes.add(n);
        }
        claimNodes.sort(Comparator.comparing((Node c) -> {
            Node d = one(c, AKG.reportedDate);
            return d == null ? "" : d.getLiteralLexicalForm();
        }).thenComparing(Node::getURI));
        List<RefinementPair> refinements = new ArrayList<>();
        for (Node c : claimNodes) for (Node coarser : objects(c, AKG.refines)) refinements.add(new RefinementPair(link(c), link(coarser)));
        List<Node> articles = objects(event, AKG.reportedIn);
        articles.sort(Comparator.comparing((Node a) -> {
            Node d = one(a, AKG.date);
            return d == null ? "" : d.getLiteralLexicalForm();
        }).thenComparing(Node::getURI));
        List<ArticleItem> items = new ArrayList<>();
        for (Node a : articles) {
            List<String> outlets = select(OUTLETS, a).stream().map(o -> o.getLiteral("label").getString()).toList();
            Node d = one(a, AKG.date);
            items.add(new ArticleItem(link(a), outlets.isEmpty() ? null : String.join(", ", outlets), d == null ? null : d.getLiteralLexicalForm()));
        }
        return new EventView(kindClass == null ? null : label(kindClass), support(event, true),
                reported == null ? null : readableDate(reported.getLiteralLexicalForm()), claimCount >= 0 ? claims(claimCount) : null,
                tables, claimNodes.stream().map(c -> fact(c, label(c), null, true)).toList(), refinements,
                disagreements.stream().map(this::dispute).toList(), items);
    }

    /** The event's values in the declared columns of its kind: those that identify the event, or the others; null when none. */
    private ValueTable valueTable(Node event, TableSchema kind, boolean identifying, String heading) {
        List<Row> rows = new ArrayList<>();
        for (Column c : kind.columns()) {
            if (c.predicate() == null || c.identifiesEvent() != identifying) continue;
            List<Node> values = objects(event, c.predicate());
            if (values.isEmpty()) continue;
            String name = model.label(c.predicate(), "en");
            rows.add(new Row(name != null ? name : words(c.name()),
                    Link.joined(values.stream().map(v -> v.isURI() ? link(v) : Link.text(show(event, c.predicate(), v))).toList(), ", ")));
        }
        return rows.isEmpty() ? null : new ValueTable(heading, rows);
    }

    /** The claims of a disagreement side by side, with the disputed values and each claim's sources. */
    private Dispute dispute(Node d) {
        Map<Node, Set<Node>> claims = new LinkedHashMap<>();
        for (QuerySolution r : select(DISAGREEMENT, d)) claims.computeIfAbsent(r.get("claim").asNode(), k -> new LinkedHashSet<>()).add(r.get("prop").asNode());
        List<Side> sides = new ArrayList<>();
        for (Map.Entry<Node, Set<Node>> c : claims.entrySet()) {
            List<Row> rows = new ArrayList<>();
            // a value and its upper bound (kd:upperBound: amount, amount_max) are one value, a range
            // ("USD 50 million – 100 million"), on one row
            TableSchema schema = schemaOf(c.getKey());
            Set<Node> disputed = new LinkedHashSet<>();
            for (Node p : c.getValue()) disputed.add(lowerBoundOf(schema, p));
            for (Node p : disputed) {
                List<Link> values = new ArrayList<>();
                for (QuerySolution v : Sparql.select(dsg, VALUES, Map.of("facts", factsGraph, "this", c.getKey(), "prop", p))) {
                    values.add(Link.text(range(schema, c.getKey(), p, v.get("v").asNode())));
                }
                if (values.isEmpty()) values.add(Link.text("not stated"));
                String name = model.label(p, "en");
                rows.add(new Row(name != null ? name : words(local(p)), Link.joined(values, ", ")));
            }
            sides.add(new Side(link(c.getKey()), rows, sources(c.getKey())));
        }
        return new Dispute(link(d), sides);
    }

    /** The schema of a claim's kind of fact, by its class in the facts graph, or null. */
    private TableSchema schemaOf(Node claim) {
        for (Node type : objects(claim, RDF.type.asNode())) {
            TableSchema t = model.factOfClass(type);
            if (t != null) return t;
        }
        return null;
    }

    /** The column of a schema (null: none) whose property this is, or null. */
    private static Column columnOf(TableSchema schema, Node property) {
        return schema == null ? null : schema.columns().stream().filter(c -> property.equals(c.predicate())).findFirst().orElse(null);
    }

    /** The property of the column whose upper bound {@code property}'s column is, else {@code property} itself. */
    private static Node lowerBoundOf(TableSchema schema, Node property) {
        Column upper = columnOf(schema, property);
        if (upper == null) return property;
        return schema.columns().stream().filter(c -> upper.name().equals(c.upperBound())).map(Column::predicate).findFirst().orElse(property);
    }

    /** A claim's value of a property, with its upper bound and unit when its column declares them ({@code USD 50 million – 100 million}). */
    private String range(TableSchema schema, Node claim, Node property, Node value) {
        Column column = columnOf(schema, property);
        Node max = column == null || column.upperBound() == null ? null : one(claim, schema.column(column.upperBound()).predicate());
        if (max == null || !max.isLiteral() || !value.isLiteral()) return show(claim, property, value);
        Node unit = column.unit() == null ? null : one(claim, schema.column(column.unit()).predicate());
        try {
            return Labels.amount(new BigDecimal(value.getLiteralLexicalForm()), new BigDecimal(max.getLiteralLexicalForm()),
                    unit != null && unit.isLiteral() ? unit.getLiteralLexicalForm() : null, "en");
        } catch (NumberFormatException e) {
            return show(claim, property, value);
        }
    }

    private ArticleView articleView(Node article) {
        List<QuerySolution> facts = select(REPORTED, article);
        List<ReportedKind> kinds = new ArrayList<>();
        Node kind = null;
        List<Reported> current = null;
        for (QuerySolution f : facts) {
            Node k = f.get("kind").asNode();
            if (!k.equals(kind)) {
                current = new ArrayList<>();
                kinds.add(new ReportedKind(plural(local(k)), current));
                kind = k;
            }
            current.add(new Reported(new Link(href(f.get("f").asNode()), f.getLiteral("label").getString()),
                    who(f.get("ev").asNode()), f.getLiteral("quote").getString()));
        }
        return new ArticleView(facts.size(), kinds);
    }

    /** The resource's own triples in the facts graph, but those of the given properties. */
    private List<Property> properties(Node iri, Set<Node> leftOut) {
        List<Property> out = new ArrayList<>();
        for (QuerySolution s : select(OWN, iri)) {
            Node p = s.get("p").asNode();
            if (leftOut.contains(p)) continue;
            Node o = s.get("o").asNode();
            out.add(new Property(qname(p), o.isURI() ? link(o) : Link.text(show(iri, p, o))));
        }
        return out;
    }

    /**
     * A type in the index: its members (all of them when few, else none: {@code more} links to its
     * own pages) and how many there are.
     */
    public record IndexGroup(String id, String heading, long count, List<Link> entries, String more) {
        public int perPage() { return INDEX_PER_PAGE; }
    }

    /** Where a type's page of the index is among its pages, with links to the neighbouring and last pages. */
    public record IndexPaging(int page, int pages, long first, long last, long total, String previous, String next, String lastPage) {
        /** What the pager counts. */
        public String noun() { return "Members"; }
    }

    /** The index page, or one page of one type's members ({@code paging} set). */
    public record IndexPage(String title, List<IndexGroup> groups, List<Section> toc, IndexPaging paging) {
        public boolean longPage() { return true; }
    }

    /**
     * The index of the graph by type: each type's members by label, inline when there are at most
     * {@link #INDEX_INLINE}; a bigger type links to its own pages ({@link #index(String, int)}).
     */
    public String index() {
        List<Node> types = indexTypes();
        Map<Node, Long> counts = new LinkedHashMap<>();
        for (Node t : types) counts.put(t, count(select(MEMBER_COUNT, t)));
        List<Node> inline = types.stream().filter(t -> counts.get(t) <= INDEX_INLINE && counts.get(t) > 0).toList();
        Map<Node, List<Link>> entries = new HashMap<>();
        if (!inline.isEmpty()) {
            for (QuerySolution s : select(indexQuery(inline), null)) {
                entries.computeIfAbsent(s.get("t").asNode(), k -> new ArrayList<>())
                        .add(new Link(href(s.get("x").asNode()), s.getLiteral("label").getString()));
            }
        }
        List<IndexGroup> groups = new ArrayList<>();
        for (Node t : types) {
            long n = counts.get(t);
            if (n == 0) continue;
            boolean listed = entries.containsKey(t);
            groups.add(new IndexGroup("type-" + local(t), plural(local(t)), n, listed ? entries.get(t) : List.of(),
                    listed ? null : "/doc/?" + TYPE + "=" + local(t)));
        }
        return Templates.render("index", new IndexPage("Index", groups, groups.stream().map(g -> new Section(g.id(), g.heading())).toList(), null));
    }

    /** The query parameter naming a type in the index. */
    public static final String TYPE = "type";

    /**
     * Page {@code page} (from 1) of the members of one type of the index (named by its local name,
     * as in {@code type=Person}), {@link #INDEX_PER_PAGE} a page in IRI order: the order the store
     * can give without reading every member's label.
     *
     * @throws ParameterException when there is no such type or page
     */
    public IndexPage indexPage(String type, int page) {
        List<Node> types = indexTypes();
        Node t = types.stream().filter(c -> local(c).equals(type)).findFirst().orElseThrow(() -> new ParameterException(TYPE,
                "'" + type + "' is not one of " + String.join(", ", types.stream().map(Pages::local).toList())));
        long total = count(select(MEMBER_COUNT, t));
        long pages = Math.max(1, (total + INDEX_PER_PAGE - 1) / INDEX_PER_PAGE);
        if (page < 1 || page > pages) {
            throw new ParameterException(PAGE, "no page " + page + ": the " + total + " "
                    + plural(local(t)).toLowerCase(java.util.Locale.ROOT) + " fill " + pages + (pages == 1 ? " page" : " pages"));
        }
        Query q = MEMBERS.cloneQuery();
        q.setOffset((long) (page - 1) * INDEX_PER_PAGE);
        q.setLimit(INDEX_PER_PAGE);
        List<Link> members = select(q, t).stream().map(s -> link(s.get("x").asNode())).toList();
        String base = "/doc/?" + TYPE + "=" + type + "&" + PAGE + "=";
        long first = (long) (page - 1) * INDEX_PER_PAGE;
        IndexPaging paging = new IndexPaging(page, (int) pages, first + 1, first + members.size(), total,
                page > 1 ? base + (page - 1) : null, page < pages ? base + (page + 1) : null, base + pages);
        String heading = plural(local(t));
        return new IndexPage(heading, List.of(new IndexGroup("type-" + local(t), heading, total, members, null)), List.of(), paging);
    }

    /** An index page as HTML. */
    public static String render(IndexPage page) {
        return Templates.render("index", page);
    }

    private static long count(List<QuerySolution> rows) {
        return rows.isEmpty() || !rows.get(0).contains("n") ? 0 : rows.get(0).getLiteral("n").getLong();
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

    /** A resource as a link to its page, labelled. */
    Link link(Node n) {
        return new Link(href(n), label(n));
    }

    private Link linkOrNull(Node n) {
        return n == null ? null : link(n);
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
        return "/editor/?query=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
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

    /** A value of the graph as people read it (see {@link #show(Node, Node, Node)}, with no subject to read units from). */
    private String show(Node v) {
        return show(null, null, v);
    }

    /**
     * A value as people read it: a resource by its label; an amount with the subject's currency
     * ({@code USD 10 billion}, formatted by {@link Labels#amount}) or unit; a date as words
     * ({@code March 2024}), after the subject's qualifier of that date ({@code early 2018}); other
     * literals as written, with their language.
     */
    String show(Node subject, Node property, Node v) {
        if (v.isURI()) return label(v);
        if (!v.isLiteral()) return v.toString();
        String type = v.getLiteralDatatypeURI();
        if (type.equals(XSDDatatype.XSDdecimal.getURI()) || type.equals(XSDDatatype.XSDinteger.getURI()) && AKG.value.equals(property)) {
            BigDecimal value;
            try {
                value = new BigDecimal(v.getLiteralLexicalForm());
            } catch (NumberFormatException e) {
                return v.getLiteralLexicalForm();
            }
            Node unit = subject == null ? null : Objects.requireNonNullElse(one(subject, AKG.currency), Objects.requireNonNullElse(one(subject, AKG.unit), Node.ANY));
            if (unit == null || unit == Node.ANY || !unit.isLiteral()) return value.stripTrailingZeros().toPlainString();
            String u = unit.getLiteralLexicalForm();
            String amount = Labels.amount(value, null, u, "en");
            return amount.contains(u) ? amount : amount + " " + u;
        }
        if (DATES.contains(type)) {
            String date = readableDate(v.getLiteralLexicalForm());
            Node qualifierProperty = property == null ? null : QUALIFIERS.get(property);
            Node qualifier = subject == null || qualifierProperty == null ? null : one(subject, qualifierProperty);
            return qualifier == null ? date : label(qualifier) + " " + date;
        }
        String lang = v.getLiteralLanguage();
        return v.getLiteralLexicalForm() + (lang.isEmpty() ? "" : " @" + lang);
    }

    /** The datatypes of dates, at any precision. */
    private static final Set<String> DATES = Set.of(XSDDatatype.XSDdate.getURI(), XSDDatatype.XSDgYearMonth.getURI(), XSDDatatype.XSDgYear.getURI());
    /** Each date property's qualifier ("early", "late" ...). */
    private static final Map<Node, Node> QUALIFIERS = Map.of(AKG.date, AKG.dateQualifier, AKG.startDate, AKG.startQualifier,
            AKG.endDate, AKG.endQualifier);

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
