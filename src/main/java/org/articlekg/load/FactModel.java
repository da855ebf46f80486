package org.articlekg.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.articlekg.KgException;
import org.articlekg.vocab.KD;

/**
 * The fact model: every kind of row in {@code data/} as {@code ontology/kinds.ttl} declares it,
 * with the concepts of the ontology its columns take (their labels, and which is narrower than
 * which). The one place the code learns what files, columns and kinds of fact there are.
 *
 * <pre>{@code
 * FactModel model = FactModel.read(Path.of("ontology"));
 * for (TableSchema fact : model.facts()) System.out.println(fact.kind().fileName());
 * }</pre>
 */
public final class FactModel {
    /** The declarations' file in the ontology folder. */
    public static final String KINDS_FILE = "kinds.ttl";
    /** The ontology's file in the ontology folder (concepts, their labels and hierarchy). */
    public static final String ONTOLOGY_FILE = "article-kg.ttl";

    private final List<TableSchema> tables;
    private final TableSchema articles;
    private final TableSchema evidence;
    private final Map<String, TableSchema> byName = new HashMap<>();
    private final Map<Node, Map<String, String>> labels = new HashMap<>();
    private final Map<Node, Set<Node>> broader = new HashMap<>();

    private FactModel(List<TableSchema> tables, Model model) {
        this.tables = List.copyOf(tables);
        for (TableSchema t : tables) byName.put(t.kind().name(), t);
        this.articles = withRole(Kind.Role.ARTICLE).get(0);
        this.evidence = withRole(Kind.Role.EVIDENCE).get(0);
        model.listStatements(null, RDFS.label, (RDFNode) null).forEachRemaining(s -> label(s));
        model.listStatements(null, SKOS.prefLabel, (RDFNode) null).forEachRemaining(s -> label(s));
        broader.putAll(TransitiveClosure.of(model.getGraph(), SKOS.broader.asNode()));
    }

    private void label(Statement s) {
        if (s.getObject().isLiteral()) {
            Literal l = s.getLiteral();
            labels.computeIfAbsent(s.getSubject().asNode(), k -> new HashMap<>()).putIfAbsent(l.getLanguage(), l.getLexicalForm());
        }
    }

    /** Reads {@value #KINDS_FILE} and {@value #ONTOLOGY_FILE} from the ontology folder. */
    public static FactModel read(Path ontologyDir) {
        Graph g = GraphFactory.createDefaultGraph();
        for (String name : List.of(ONTOLOGY_FILE, KINDS_FILE)) {
            Path file = ontologyDir.resolve(name);
            if (!Files.isRegularFile(file)) throw new KgException(file + ": file not found");
            try {
                RDFParser.source(file).parse(g);
            } catch (RiotException e) {
                throw new KgException(file + ": " + e.getMessage());
            }
        }
        return of(g, ontologyDir.resolve(KINDS_FILE).toString());
    }

    /**
     * The model declared in a graph holding the declarations and the ontology (the ontology graph
     * of a build holds both).
     *
     * @param source how the declarations are named in errors (a file, a graph)
     */
    public static FactModel of(Graph graph, String source) {
        Model m = ModelFactory.createModelForGraph(graph);
        return new FactModel(new Reader(m, source).read(), m);
    }

    /** Every kind: articles, entities (by name), facts (by name), evidence. */
    public List<TableSchema> tables() { return tables; }

    /** The kinds, in the order of {@link #tables()}. */
    public List<Kind> kinds() { return tables.stream().map(TableSchema::kind).toList(); }

    /** The kinds of fact, by name. */
    public List<TableSchema> facts() { return tables.stream().filter(t -> t.kind().isFact()).toList(); }

    /** The file of each kind of a role. */
    public List<TableSchema> withRole(Kind.Role role) { return tables.stream().filter(t -> t.kind().role() == role).toList(); }

    /** The schema of a kind. */
    public TableSchema schema(Kind kind) {
        return schema(kind.name());
    }

    /** The schema of a kind by name, or an error listing the kinds there are. */
    public TableSchema schema(String name) {
        TableSchema t = byName.get(name);
        if (t == null) throw new KgException("no kind named '" + name + "'; the kinds are " + String.join(", ", byName.keySet()));
        return t;
    }

    /** The kind by name, or null. */
    public Kind kind(String name) {
        TableSchema t = byName.get(name);
        return t == null ? null : t.kind();
    }

    /** The one kind of articles. */
    public TableSchema articles() { return articles; }

    /** The one kind of evidence. */
    public TableSchema evidence() { return evidence; }

    /** The kind of fact whose rows are of a class, or null. */
    public TableSchema factOfClass(Node rdfClass) {
        for (TableSchema t : facts()) if (rdfClass.equals(t.rdfClass())) return t;
        return null;
    }

    /** The classes of entities: each entity kind's class, or the classes its {@code type} column maps to. */
    public List<Node> entityClasses() {
        List<Node> classes = new ArrayList<>();
        for (TableSchema t : withRole(Kind.Role.ENTITY)) {
            if (t.rdfClass() != null) classes.add(t.rdfClass());
            for (Column c : t.columns()) {
                if (c.type() == ValueType.ENUM && RDF.type.asNode().equals(c.predicate())) {
                    for (Node n : c.values().values()) if (!classes.contains(n)) classes.add(n);
                }
            }
        }
        return classes;
    }

    /** The label of a term (a concept, a class) in a language, falling back to English, or null. */
    public String label(Node term, String lang) {
        Map<String, String> byLang = labels.get(term);
        if (byLang == null) return null;
        String l = byLang.get(lang);
        return l != null ? l : byLang.get("en");
    }

    /** Every label of a term (a concept, a class, a property) by language tag, e.g. {@code {en=invested in, fr=a investi dans}}. */
    public Map<String, String> labels(Node term) {
        return Map.copyOf(labels.getOrDefault(term, Map.of()));
    }

    /** Whether concept {@code narrower} is below {@code broader} in the ontology's hierarchy ({@code skos:broader}, transitively). */
    public boolean isNarrower(Node narrower, Node broader) {
        return this.broader.getOrDefault(narrower, Set.of()).contains(broader);
    }

    /** The value type of each {@code kd:type} term. */
    private static final Map<Resource, ValueType> TYPES = Map.ofEntries(
            Map.entry(KD.Slug, ValueType.SLUG), Map.entry(KD.ArticleId, ValueType.ARTICLE_ID), Map.entry(KD.Text, ValueType.TEXT),
            Map.entry(KD.TextList, ValueType.TEXT_LIST), Map.entry(KD.Date, ValueType.DATE), Map.entry(KD.Decimal, ValueType.DECIMAL),
            Map.entry(KD.Currency, ValueType.CURRENCY), Map.entry(KD.Language, ValueType.LANGUAGE),
            Map.entry(KD.Concept, ValueType.ENUM), Map.entry(KD.Class, ValueType.ENUM),
            Map.entry(KD.Ref, ValueType.REF), Map.entry(KD.Refs, ValueType.REFS));

    /** Reads the declarations, failing with the declaration and the term at fault. */
    private static final class Reader {
        private final Model m;
        private final String source;
        private final Map<Resource, Kind> kinds = new LinkedHashMap<>();

        Reader(Model m, String source) {
            this.m = m;
            this.source = source;
        }

        List<TableSchema> read() {
            Map<Resource, Kind.Role> roles = Map.of(KD.ArticleKind, Kind.Role.ARTICLE, KD.EntityKind, Kind.Role.ENTITY,
                    KD.FactKind, Kind.Role.FACT, KD.EvidenceKind, Kind.Role.EVIDENCE);
            for (Map.Entry<Resource, Kind.Role> r : roles.entrySet()) {
                m.listSubjectsWithProperty(RDF.type, r.getKey()).forEachRemaining(decl -> {
                    if (!decl.isURIResource()) fail(decl, "a kind needs an IRI, e.g. kd:investment");
                    String name = decl.getLocalName();
                    if (!CsvTableReader.SLUG.matcher(name).matches()) fail(decl, "a kind's name must be a lower-case slug");
                    kinds.put(decl, new Kind(name, string(decl, KD.file, true), r.getValue()));
                });
            }
            for (Kind.Role role : List.of(Kind.Role.ARTICLE, Kind.Role.EVIDENCE)) {
                long n = kinds.values().stream().filter(k -> k.role() == role).count();
                if (n != 1) throw new KgException(source + ": exactly one kind of " + role.name().toLowerCase() + " must be declared, found " + n);
            }
            List<TableSchema> tables = new ArrayList<>();
            for (Map.Entry<Resource, Kind> e : kinds.entrySet()) tables.add(table(e.getKey(), e.getValue()));
            tables.sort(Comparator.comparing((TableSchema t) -> t.kind().role()).thenComparing(t -> t.kind().name()));
            return tables;
        }

        private TableSchema table(Resource decl, Kind kind) {
            List<Column> columns = new ArrayList<>();
            if (kind.isFact()) {
                columns.add(Column.of("id", ValueType.SLUG, null).asRequired());
                columns.add(Column.of("event", ValueType.SLUG, null));
            }
            Resource list = decl.getPropertyResourceValue(KD.columns);
            if (list == null) fail(decl, "no kd:columns");
            for (RDFNode c : list.as(org.apache.jena.rdf.model.RDFList.class).asJavaList()) {
                if (!c.isResource()) fail(decl, "kd:columns holds a literal; write [ kd:name \"...\" ; kd:type ... ]");
                columns.add(column(decl, c.asResource()));
            }
            if (kind.isFact()) columns.add(Column.of("note", ValueType.TEXT, org.articlekg.vocab.AKG.note));
            Set<String> names = new LinkedHashSet<>();
            for (Column c : columns) if (!names.add(c.name())) fail(decl, "column '" + c.name() + "' declared twice");
            for (Column c : columns) {
                for (String other : new String[] {c.qualifier(), c.unit(), c.upperBound(), c.notBefore(), c.disjointFrom(), c.requiredWith()}) {
                    if (other != null && !names.contains(other)) fail(decl, "column '" + c.name() + "' names column '" + other + "', which is not declared");
                }
            }
            Node rdfClass = decl.getPropertyResourceValue(KD.klass) == null ? null : decl.getPropertyResourceValue(KD.klass).asNode();
            if (kind.isFact() && rdfClass == null) fail(decl, "a kind of fact needs kd:class");
            if (rdfClass == null && !names.contains("type")) fail(decl, "needs kd:class, or a column 'type' of type kd:Class");
            List<TableSchema.Shortcut> shortcuts = new ArrayList<>();
            List<TableSchema.Shortcut> edges = new ArrayList<>();
            for (Property2 p : List.of(new Property2(KD.shortcut, true), new Property2(KD.edge, false))) {
                decl.listProperties(p.property).forEachRemaining(s -> {
                    if (!s.getObject().isResource()) return;
                    Resource r = s.getResource();
                    TableSchema.Shortcut sc = new TableSchema.Shortcut(string(r, KD.from, true),
                            resource(r, KD.property).asNode(), string(r, KD.to, true));
                    for (String col : List.of(sc.from(), sc.to())) {
                        if (!col.equals("id") && !names.contains(col)) fail(decl, "shortcut names column '" + col + "', which is not declared");
                    }
                    if (p.shortcut) shortcuts.add(sc);
                    boolean edge = !r.hasProperty(KD.edge) || r.getProperty(KD.edge).getBoolean();
                    if (edge) edges.add(sc);
                });
            }
            shortcuts.sort(Comparator.comparing(sc -> sc.property().getURI()));
            edges.sort(Comparator.comparing(sc -> sc.property().getURI()));
            Map<String, String> labels = new LinkedHashMap<>();
            decl.listProperties(KD.label).forEachRemaining(s -> labels.put(s.getLiteral().getLanguage(), s.getString()));
            if (kind.isFact() && !labels.containsKey("en")) fail(decl, "a kind of fact needs an English kd:label template");
            double weight = decl.hasProperty(KD.weight) ? decl.getProperty(KD.weight).getDouble() : 1;
            return new TableSchema(kind, columns, rdfClass, shortcuts, edges, labels, weight);
        }

        private record Property2(org.apache.jena.rdf.model.Property property, boolean shortcut) {}

        private Column column(Resource decl, Resource c) {
            String name = string(c, KD.name, true);
            Resource typeTerm = resource(c, KD.type);
            ValueType type = TYPES.get(typeTerm);
            if (type == null) throw fail(decl, "column '" + name + "': unknown kd:type " + typeTerm.getLocalName());
            Node predicate = c.hasProperty(KD.property) ? resource(c, KD.property).asNode() : null;
            Node precision = c.hasProperty(KD.precisionProperty) ? resource(c, KD.precisionProperty).asNode() : null;
            String lang = null;
            if (c.hasProperty(KD.language)) {
                RDFNode l = c.getProperty(KD.language).getObject();
                lang = l.isLiteral() ? l.asLiteral().getString() : Column.ROW_LANGUAGE;
            }
            Map<String, Node> values = new LinkedHashMap<>();
            if (typeTerm.equals(KD.Concept)) values = conceptValues(decl, name, c);
            if (typeTerm.equals(KD.Class)) {
                Resource options = resource(c, KD.options);
                for (RDFNode o : options.as(org.apache.jena.rdf.model.RDFList.class).asJavaList()) {
                    values.put(string(o.asResource(), KD.value, true), resource(o.asResource(), KD.means).asNode());
                }
            }
            Set<Kind> targets = new LinkedHashSet<>();
            c.listProperties(KD.references).forEachRemaining(s -> {
                Resource t = s.getResource();
                if (t.equals(KD.AnyFactOrEntity)) {
                    kinds.values().stream().filter(k -> k.role() == Kind.Role.FACT || k.role() == Kind.Role.ENTITY).forEach(targets::add);
                } else if (kinds.containsKey(t)) {
                    targets.add(kinds.get(t));
                } else {
                    fail(decl, "column '" + name + "' references " + t + ", which is not a declared kind");
                }
            });
            List<String> also = new ArrayList<>();
            c.listProperties(KD.alsoAllowed).forEachRemaining(s -> also.add(s.getString()));
            also.sort(null);
            int maxLength = c.hasProperty(KD.maxLength) ? c.getProperty(KD.maxLength).getInt() : 0;
            try {
                return new Column(name, type, bool(c, KD.required), predicate, precision, lang, values, targets,
                        bool(c, KD.compared), bool(c, KD.identifiesEvent), string(c, KD.qualifier, false),
                        string(c, KD.unit, false), string(c, KD.upperBound, false), string(c, KD.notBefore, false),
                        string(c, KD.disjointFrom, false), string(c, KD.requiredWith, false), also, maxLength);
            } catch (IllegalArgumentException e) {
                throw fail(decl, "column " + e.getMessage());
            }
        }

        /** The allowed values of a concept column: its kd:values (or every notation of its scheme), each the concept with that notation. */
        private Map<String, Node> conceptValues(Resource decl, String name, Resource c) {
            Resource scheme = resource(c, KD.scheme);
            Map<String, Node> inScheme = new LinkedHashMap<>();
            m.listSubjectsWithProperty(SKOS.inScheme, scheme).forEachRemaining(concept -> {
                if (concept.hasProperty(SKOS.notation)) inScheme.put(concept.getProperty(SKOS.notation).getString(), concept.asNode());
            });
            if (inScheme.isEmpty()) fail(decl, "column '" + name + "': scheme " + scheme + " has no concepts with a skos:notation in the ontology");
            Map<String, Node> values = new LinkedHashMap<>();
            Resource list = c.getPropertyResourceValue(KD.values);
            if (list == null) {
                inScheme.keySet().stream().sorted().forEach(v -> values.put(v, inScheme.get(v)));
                return values;
            }
            for (RDFNode v : list.as(org.apache.jena.rdf.model.RDFList.class).asJavaList()) {
                String value = v.asLiteral().getString();
                Node concept = inScheme.get(value);
                if (concept == null) fail(decl, "column '" + name + "': value '" + value + "' is no skos:notation of a concept in " + scheme);
                values.put(value, concept);
            }
            return values;
        }

        private boolean bool(Resource r, org.apache.jena.rdf.model.Property p) {
            return r.hasProperty(p) && r.getProperty(p).getBoolean();
        }

        private String string(Resource r, org.apache.jena.rdf.model.Property p, boolean required) {
            Statement s = r.getProperty(p);
            if (s == null) {
                if (required) fail(r, "missing " + p.getLocalName());
                return null;
            }
            return s.getString();
        }

        private Resource resource(Resource r, org.apache.jena.rdf.model.Property p) {
            Resource v = r.getPropertyResourceValue(p);
            if (v == null) fail(r, "missing kd:" + p.getLocalName() + " (an IRI)");
            return v;
        }

        private KgException fail(Resource where, String message) {
            String name = where.isURIResource() ? "kd:" + where.getLocalName() : "a declaration";
            throw new KgException(source + ": " + name + ": " + message);
        }
    }
}
