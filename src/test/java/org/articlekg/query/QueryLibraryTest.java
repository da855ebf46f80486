package org.articlekg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekg.KgException;
import org.articlekg.load.FactModel;
import org.articlekg.load.TableSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a folder of saved queries: what it refuses, and where it says so; enumerations from the declarations. */
class QueryLibraryTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String HEAD = "PREFIX akg: <https://w3id.org/article-kg/ontology#>\n"
            + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n";
    static FactModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void readModel() {
        model = FactModel.read(PROJECT.resolve("ontology"));
    }

    private static List<String> allowed(String decorators, String body, String parameter) {
        return QueryLibrary.parse("q", decorators + HEAD + body, Path.of("q.rq"), model).parameter(parameter).allowed();
    }

    @Test
    void aParameterNamedAfterAnApiParameterIsRefused() throws Exception {
        Files.writeString(dir.resolve("top.rq"), "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10\n");
        assertEquals(1, QueryLibrary.read(dir).all().size());
        Files.writeString(dir.resolve("paged.rq"), "SELECT ?s WHERE { ?s ?p ?o FILTER(?o < ?__limit_xsd_integer) }\n");
        KgException e = assertThrows(KgException.class, () -> QueryLibrary.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("paged.rq") + ": parameter name 'limit' (?__limit_xsd_integer) is reserved"),
                e.getMessage());
    }

    @Test
    void anEnumeratedKindWithoutValuesTakesTheNamesOfTheDeclaredKindsOfFact() {
        List<String> kinds = allowed("#+ enumerate:\n#+   - kind\n", "SELECT ?s WHERE { ?s a ?c FILTER(COALESCE(?__kind, \"x\") = \"x\") }\n", "kind");
        assertEquals(model.facts().stream().map(t -> t.kind().name()).toList(), kinds);
        assertTrue(kinds.containsAll(List.of("founding", "investment", "release")), kinds.toString());
        assertEquals(kinds, allowed("#+ enumerate:\n#+   - kind:\n", "SELECT ?s WHERE { ?s a ?c FILTER(COALESCE(?__kind, \"x\") = \"x\") }\n", "kind"),
                "'- kind:' with nothing after it is the same");
    }

    @Test
    void anEnumeratedColumnTakesTheValuesOfTheKindsTheQueryNames() {
        String status = "SELECT ?s WHERE { ?s a %s ; akg:status/skos:notation ?st FILTER(COALESCE(?__status, ?st) = ?st) }\n";
        List<String> investment = List.copyOf(model.schema("investment").column("status").values().keySet());
        List<String> lawsuit = List.copyOf(model.schema("lawsuit").column("status").values().keySet());
        assertEquals(investment, allowed("#+ enumerate:\n#+   - status\n", status.formatted("akg:Investment"), "status"));
        assertEquals(lawsuit, allowed("#+ enumerate:\n#+   - status\n", status.formatted("<https://w3id.org/article-kg/ontology#Lawsuit>"), "status"));
        List<String> any = allowed("#+ enumerate:\n#+   - status\n", status.formatted("?class"), "status");
        assertTrue(any.containsAll(investment) && any.containsAll(lawsuit), "no class named: every kind of fact's statuses " + any);
        assertEquals(any, allowed("#+ enumerate:\n#+   - status\n", status.formatted("akg:InvestmentKind"), "status"),
                "akg:InvestmentKind does not name akg:Investment: every kind of fact's statuses");
    }

    @Test
    void theEvidenceModeAndTheEntityTypesComeFromTheirDeclarations() {
        assertEquals(List.of("reported", "attributed", "allegation", "speculation"),
                allowed("#+ enumerate:\n#+   - mode\n", "SELECT ?e WHERE { ?e a akg:Evidence ; akg:attributionMode/skos:notation ?m "
                        + "FILTER(COALESCE(?__mode, ?m) = ?m) }\n", "mode"));
        List<String> types = allowed("#+ enumerate:\n#+   - type\n", "SELECT ?e WHERE { ?e a ?c FILTER(COALESCE(?__type, \"x\") = \"x\") }\n", "type");
        assertTrue(types.containsAll(List.of("person", "organization", "product", "company", "ai_model")), types.toString());
        for (TableSchema fact : model.facts()) assertFalse(types.contains(fact.kind().name()), fact.kind().name());
    }

    @Test
    void listedValuesMustBeDeclared() {
        String q = "SELECT ?s WHERE { ?s a akg:Investment ; akg:status/skos:notation ?st FILTER(COALESCE(?__status, ?st) = ?st) }\n";
        assertEquals(List.of("offered", "rejected"), allowed("#+ enumerate:\n#+   - status:\n#+     - offered\n#+     - rejected\n", q, "status"));
        KgException e = assertThrows(KgException.class,
                () -> allowed("#+ enumerate:\n#+   - status:\n#+     - offered\n#+     - stolen\n", q, "status"));
        assertTrue(e.getMessage().startsWith("q.rq: enumerate: 'status' lists 'stolen', which the fact model"), e.getMessage());
    }

    @Test
    void anEnumerationWithoutValuesNeedsAModelAndADeclaredColumn() throws Exception {
        String text = "#+ enumerate:\n#+   - colour\n" + HEAD + "SELECT ?s WHERE { ?s ?p ?o FILTER(COALESCE(?__colour, ?o) = ?o) }\n";
        KgException unknown = assertThrows(KgException.class, () -> QueryLibrary.parse("q", text, Path.of("q.rq"), model));
        assertTrue(unknown.getMessage().contains("no declared column is named 'colour'"), unknown.getMessage());
        Files.writeString(dir.resolve("kinds.rq"), "#+ enumerate:\n#+   - kind\nSELECT ?s WHERE { ?s ?p ?o FILTER(COALESCE(?__kind, ?o) = ?o) }\n");
        KgException noModel = assertThrows(KgException.class, () -> QueryLibrary.read(dir));
        assertTrue(noModel.getMessage().startsWith(dir.resolve("kinds.rq") + ": enumerate: 'kind' lists no values"), noModel.getMessage());
        assertEquals(model.facts().size(), QueryLibrary.read(dir, model).get("kinds").parameter("kind").allowed().size());
    }

    @Test
    void aDateDefaultWrittenBareInYamlStaysTheDateWritten() {
        SavedQuery q = QueryLibrary.parse("q", "#+ defaults:\n#+   - as_of: 2023-12-31\n"
                + "SELECT ?s WHERE { ?s ?p ?o FILTER(?o <= ?_as_of_xsd_date) }\n", Path.of("q.rq"));
        assertEquals("2023-12-31", q.parameter("as_of").defaultValue());
    }

    @Test
    void aBlankValueOfARequiredParameterIsRefusedNamingIt() {
        SavedQuery q = QueryLibrary.parse("q", "#+ defaults:\n#+   - q: altman\n"
                + "SELECT ?s WHERE { ?s ?p ?_q OPTIONAL { ?s ?p ?__note } }\n", Path.of("q.rq"));
        for (String blank : List.of("", "  ")) {
            ParameterException e = assertThrows(ParameterException.class, () -> q.bind(java.util.Map.of("q", blank), null));
            assertEquals("q", e.parameter());
            assertEquals("parameter 'q': the required string value is empty", e.getMessage());
        }
        q.bind(java.util.Map.of("note", ""), null); // an optional one may be empty
    }

    @Test
    void theProjectLibraryReadsTheOntologyBesideIt() {
        QueryLibrary library = QueryLibrary.read(PROJECT.resolve("queries"));
        assertEquals(model.facts().size(), library.get("single-source-facts").parameter("kind").allowed().size());
    }
}
