package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.articlekg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dumps a build writes, and the size above which it leaves out JSON-LD. */
class DumpsTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    private BuildReport build(long maxJsonLdQuads, List<String> progress) {
        return GraphBuilder.create().dataDir(PROJECT.resolve("data")).ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(PROJECT.resolve("fuseki-config/config.ttl")).corpus(null)
                .maxJsonLdQuads(maxJsonLdQuads).progress(progress::add).build()
                .buildInto(new Store(tmp.resolve("store-" + maxJsonLdQuads)));
    }

    @Test
    void everyDumpIsWrittenForASmallGraph() {
        BuildReport r = build(GraphBuilder.MAX_JSONLD_QUADS, new ArrayList<>());
        for (String name : List.of("article-kg.trig", "article-kg.nq", "article-kg.ttl", "article-kg.jsonld",
                "article-kg.gexf", "article-kg.graphml")) {
            assertTrue(Files.isRegularFile(r.location().resolve("dumps").resolve(name)), name);
        }
    }

    @Test
    void jsonLdIsLeftOutAboveTheCapAndSaidSo() throws Exception {
        List<String> progress = new ArrayList<>();
        BuildReport r = build(100, progress);
        assertFalse(Files.exists(r.location().resolve("dumps/article-kg.jsonld")));
        assertTrue(Files.isRegularFile(r.location().resolve("dumps/article-kg.nq")));
        assertTrue(progress.stream().anyMatch(l -> l.contains("article-kg.jsonld: skipped")), progress.toString());
        assertFalse(Files.readString(r.location().resolve(Store.VOID)).contains("article-kg.jsonld"), "VoID lists only written dumps");
        assertTrue(progress.stream().anyMatch(l -> l.matches("loading: 100% \\(\\d+/\\d+ rows\\)")), "row progress reported");
    }
}
