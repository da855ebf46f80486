package org.articlekg;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.load.GraphLoader;
import org.articlekg.load.InvalidInputException;
import org.articlekg.load.LoadResult;
import org.articlekg.load.Problem;

/**
 * A complete, minimal, valid data folder written from inline CSV text, in which a test replaces
 * or extends one file. The headers are the ones data/README.md documents (written here, not
 * taken from the main code, so that a renamed column breaks the tests).
 *
 * <p>Entities of the minimal folder: article {@value #ARTICLE} (French), persons {@code alice} and
 * {@code bob}, organisations {@code acme} (company) and {@code ngo} (non-profit), product
 * {@code widget} (application made by acme). Every fact file and evidence.csv hold only a header
 * (the files of kinds without a header constant here get theirs from the declarations).
 */
public final class DataFixture {
    public static final String BASE = "http://example.org/";
    public static final String ARTICLE = "000_aaaa";

    public static final String ARTICLES = "id,title,site,cites,date,date_basis,language,note";
    public static final String PERSONS = "id,label_en,label_fr,aliases,description_en,description_fr";
    public static final String ORGANIZATIONS = "id,type,label_en,label_fr,aliases,parent,description_en,description_fr";
    public static final String PRODUCTS = "id,type,label_en,label_fr,aliases,maker,description_en,description_fr";
    public static final String FOUNDINGS = "id,event,organization,founders,date,date_qualifier,legal_form,note";
    public static final String ROLES = "id,event,person,organization,title,start,start_qualifier,end,end_qualifier,status,note";
    public static final String INVESTMENTS = "id,event,investor,investee,amount,amount_max,currency,date,date_qualifier,kind,status,note";
    public static final String LAWSUITS = "id,event,plaintiffs,defendants,date,date_qualifier,allegations,status,note";
    public static final String PROPOSALS = "id,event,kind,proposer,target,parties,date,date_qualifier,status,terms,note";
    public static final String DEPARTURES = "id,event,person,organization,title,date,date_qualifier,reason,note";
    public static final String OBSERVATIONS = "id,event,subject,measure,value,bound,unit,date,date_qualifier,note";
    public static final String RELEASES = "id,event,product,organization,kind,date,date_qualifier,note";
    public static final String EVIDENCE = "fact,article,quote";

    /** Turtle prefixes for expected graphs under {@link #BASE}. */
    public static final String PREFIXES = """
            @prefix akg:     <https://w3id.org/article-kg/ontology#> .
            @prefix prov:    <http://www.w3.org/ns/prov#> .
            @prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
            @prefix article: <http://example.org/id/article/> .
            @prefix person:  <http://example.org/id/person/> .
            @prefix org:     <http://example.org/id/organization/> .
            @prefix product: <http://example.org/id/product/> .
            @prefix founding: <http://example.org/id/founding/> .
            @prefix role:    <http://example.org/id/role/> .
            @prefix investment: <http://example.org/id/investment/> .
            @prefix lawsuit: <http://example.org/id/lawsuit/> .
            @prefix proposal: <http://example.org/id/proposal/> .
            @prefix departure: <http://example.org/id/departure/> .
            @prefix observation: <http://example.org/id/observation/> .
            @prefix release: <http://example.org/id/release/> .
            @prefix evidence: <http://example.org/id/evidence/> .
            @prefix disagreement: <http://example.org/id/disagreement/> .
            """;

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private Path corpus;

    private DataFixture() {}

    /** The minimal valid folder. */
    /** The declared kinds of row of ontology/, for tests. */
    public static final org.articlekg.load.FactModel MODEL = org.articlekg.load.FactModel.read(java.nio.file.Path.of("ontology"));

    /** A declared kind by name: {@code kind("investment")}. */
    public static org.articlekg.load.Kind kind(String name) {
        return java.util.Objects.requireNonNull(MODEL.kind(name), name);
    }

    public static DataFixture minimal() {
        DataFixture f = new DataFixture();
        f.with("articles.csv", ARTICLES, ARTICLE + ",Premier article,,,2024-12-30,stated,fr,");
        f.with("persons.csv", PERSONS, "alice,Alice,Alice,,,", "bob,Bob,Bob,,,");
        f.with("organizations.csv", ORGANIZATIONS, "acme,company,Acme,Acme,,,,", "ngo,nonprofit,NGO,ONG,,,,");
        f.with("products.csv", PRODUCTS, "widget,application,Widget,Widget,,acme,,");
        f.with("foundings.csv", FOUNDINGS);
        f.with("roles.csv", ROLES);
        f.with("investments.csv", INVESTMENTS);
        f.with("lawsuits.csv", LAWSUITS);
        f.with("proposals.csv", PROPOSALS);
        f.with("departures.csv", DEPARTURES);
        f.with("observations.csv", OBSERVATIONS);
        f.with("releases.csv", RELEASES);
        f.with("evidence.csv", EVIDENCE);
        // Every other declared kind of fact: its file with only a header, in the declared column order.
        for (org.articlekg.load.TableSchema t : MODEL.facts()) {
            if (!f.files.containsKey(t.kind().fileName())) {
                f.with(t.kind().fileName(), t.columns().stream().map(org.articlekg.load.Column::name)
                        .collect(Collectors.joining(",")));
            }
        }
        return f;
    }

    /** Replaces a file by these lines (header first), each ended with a line feed. */
    public DataFixture with(String file, String... lines) {
        return withText(file, Stream.of(lines).map(l -> l + "\n").collect(Collectors.joining()));
    }

    /** Replaces a file by this exact text. */
    public DataFixture withText(String file, String text) {
        return withBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces a file by these exact bytes. */
    public DataFixture withBytes(String file, byte[] bytes) {
        files.put(file, bytes.clone());
        return this;
    }

    /** Adds rows (lines) at the end of a file. */
    public DataFixture append(String file, String... lines) {
        String text = new String(files.get(file), StandardCharsets.UTF_8)
                + Stream.of(lines).map(l -> l + "\n").collect(Collectors.joining());
        return withText(file, text);
    }

    /** Adds a fact row to its file and an evidence row citing {@link #ARTICLE} for it (the quote is CSV-quoted here). */
    public DataFixture fact(String file, String row, String quote) {
        append(file, row);
        return append("evidence.csv", row.substring(0, row.indexOf(',')) + "," + ARTICLE + "," + csv(quote));
    }

    /** A CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
    public static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** Removes a file. */
    public DataFixture without(String file) {
        files.remove(file);
        return this;
    }

    /** Checks quotes against this corpus folder. */
    public DataFixture corpus(Path dir) {
        this.corpus = dir;
        return this;
    }

    /** Writes the files into {@code dir} (created if needed) and returns it. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.createDirectories(dir.resolve(f.getKey()).getParent());
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GraphLoader loader(Path dir) {
        return GraphLoader.create().dataDir(writeTo(dir)).base(BASE).corpus(corpus).build();
    }

    /** Writes the folder into {@code dir} and loads it into a new graph. */
    public Graph load(Path dir) {
        Graph g = GraphFactory.createDefaultGraph();
        loader(dir).load(StreamRDFLib.graph(g));
        return g;
    }

    /** Writes the folder into {@code dir} and loads it, returning what the loader reports. */
    public LoadResult loadResult(Path dir, Graph into) {
        return loader(dir).load(StreamRDFLib.graph(into));
    }

    /** Writes the folder into {@code dir}, loads it, and returns the problems it must have. */
    public List<Problem> problems(Path dir) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> loader(dir).check(),
                "the input should be rejected");
        assertTrue(!e.problems().isEmpty());
        return e.problems();
    }

    // Graph helpers

    /** Parses inline Turtle (with {@link #PREFIXES} prepended). */
    public static Graph turtle(String ttl) {
        return RDFParser.fromString(PREFIXES + ttl, Lang.TURTLE).toGraph();
    }

    /** The triples of {@code g} whose subject IRI starts with {@code BASE + "id/" + segment + "/"}. */
    public static Graph about(Graph g, String segment) {
        String prefix = BASE + "id/" + segment + "/";
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(prefix)) out.add(t);
        });
        return out;
    }

    /** The triples of {@code g} that {@code minus} lacks. */
    public static Graph difference(Graph g, Graph minus) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining((Triple t) -> {
            if (!minus.contains(t)) out.add(t);
        });
        return out;
    }

    /** Asserts graph isomorphism, showing what is missing and what is unexpected when it fails. */
    public static void assertIsomorphic(Graph expected, Graph actual) {
        assertTrue(expected.isIsomorphicWith(actual), () -> "graphs differ\n--- missing:\n"
                + show(difference(expected, actual)) + "\n--- unexpected:\n" + show(difference(actual, expected)));
    }

    public static String show(Graph g) {
        java.io.StringWriter w = new java.io.StringWriter();
        RDFDataMgr.write(w, g, RDFFormat.NTRIPLES);
        return w.toString().lines().sorted().collect(Collectors.joining("\n"));
    }

    /**
     * A SHACL node shape that every instance of {@code targetClass} fails: it requires a value of
     * {@code path}, which the build never writes. {@code message} is the violation's message, or null.
     */
    public static String requiredShape(String shape, String targetClass, String path, String message) {
        return "\n<" + shape + "> a <http://www.w3.org/ns/shacl#NodeShape> ;\n"
                + "    <http://www.w3.org/ns/shacl#targetClass> <" + targetClass + "> ;\n"
                + "    <http://www.w3.org/ns/shacl#property> [\n"
                + "        <http://www.w3.org/ns/shacl#path> <" + path + "> ;\n"
                + "        <http://www.w3.org/ns/shacl#minCount> 1"
                + (message == null ? "" : " ;\n        <http://www.w3.org/ns/shacl#message> \"" + message + "\"") + " ] .\n";
    }

    /** A copy of the ontology folder {@code from} in {@code to}, with {@code shapes} (Turtle) added to its shapes file. */
    public static Path ontologyWithShapes(Path from, Path to, String... shapes) {
        Path copy = copyTree(from, to);
        try {
            Files.writeString(copy.resolve("shapes.ttl"), String.join("", shapes), java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** Copies a folder tree. */
    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
