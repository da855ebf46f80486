package org.articlekg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.articlekg.build.GraphBuilder;
import org.articlekg.load.FactModel;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved queries carry no host: their IRI defaults are relative ({@code id/organization/openai})
 * and resolved against the base of the build they run on, so every query returns rows with its
 * defaults whatever base the real data was built under.
 */
class SavedQueriesBaseTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    private static QueryLibrary library() {
        return QueryLibrary.read(PROJECT.resolve("queries"), FactModel.read(PROJECT.resolve("ontology")));
    }

    @Test
    void iriDefaultsNameNoHost() {
        for (SavedQuery q : library().all()) {
            for (Parameter p : q.parameters()) {
                if (p.kind() == Parameter.Kind.IRI && p.defaultValue() != null) {
                    assertFalse(p.defaultValue().contains(":"), q.name() + ": default of " + p.name() + " is relative: " + p.defaultValue());
                }
            }
        }
    }

    @Test
    void relativeValuesResolveAgainstTheBaseAndAbsoluteOnesStay() {
        SavedQuery q = library().get("investments-in");
        Parameter investee = q.parameter("investee");
        assertEquals("https://kg.example.org/id/organization/openai", investee.defaultValue("https://kg.example.org/"));
        assertEquals("https://kg.example.org/id/organization/microsoft",
                investee.toNode("id/organization/microsoft", "https://kg.example.org/").getURI());
        assertEquals("http://localhost:3030/id/organization/x", investee.toNode("http://localhost:3030/id/organization/x", "https://kg.example.org/").getURI());
        assertTrue(q.bind(Map.of(), "http://localhost:3403/").serialize().contains("<http://localhost:3403/id/organization/openai>"));
        assertThrows(ParameterException.class, () -> investee.toNode("id/organization/openai", null), "relative without a base");
        assertThrows(ParameterException.class, () -> investee.toNode("javascript:alert(1)", "https://kg.example.org/"));
    }

    @Test
    void everySavedQueryReturnsRowsWithItsDefaultsWhateverTheBase() {
        QueryLibrary library = library();
        List<String> empty = new ArrayList<>();
        for (String base : List.of("http://localhost:3030/", "https://kg.example.org/")) {
            Store store = new Store(tmp.resolve("store-" + base.replaceAll("\\W", "")));
            Path corpus = PROJECT.resolve("../shared/articles");
            GraphBuilder.create().dataDir(PROJECT.resolve("data")).ontologyDir(PROJECT.resolve("ontology"))
                    .serviceConfig(PROJECT.resolve("fuseki-config/config.ttl")).base(base)
                    .corpus(Files.isDirectory(corpus) ? corpus : null).build().buildInto(store);
            Path build = store.requireCurrent();
            assertEquals(base, Store.baseOf(build));
            Dataset ds = ServiceConfig.read(PROJECT.resolve("fuseki-config/config.ttl")).openDataset(build);
            try {
                for (SavedQuery q : library.all()) {
                    ResultFormat format = q.isTabular() ? ResultFormat.CSV : ResultFormat.NTRIPLES;
                    long lines = Answers.text(ds.asDatasetGraph(), q.bind(Map.of(), base), format).lines().filter(l -> !l.isBlank()).count();
                    if (lines < (q.isTabular() ? 2 : 1)) empty.add(base + " " + q.name());
                }
            } finally {
                ds.close();
                Store.release(ds.asDatasetGraph());
            }
        }
        assertEquals(List.of(), empty, "saved queries without rows on their defaults");
    }
}
