package org.articlekg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekg.build.GraphBuilder;
import org.articlekg.load.Iris;
import org.articlekg.store.ServiceConfig;
import picocli.CommandLine.Option;

/** Options of the commands that read {@code data/}: where the input is and how IRIs are minted. */
final class GraphOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Folder of the CSV files (default: data/ in the project).")
    Path data;

    @Option(names = "--ontology", paramLabel = "DIR", description = "Folder of the ontology and SHACL shapes (default: ontology/).")
    Path ontology;

    @Option(names = "--config", paramLabel = "FILE", description = "Service description whose text index is built (default: fuseki-config/config.ttl).")
    Path config;

    @Option(names = "--base", paramLabel = "IRI", description = "Base IRI entity IRIs are minted under (default: "
            + Iris.DEFAULT_BASE + "; for kg serve, the address it listens on).")
    String base;

    /** The base IRI given with --base, or the default one. */
    String base() {
        return base != null ? base : Iris.DEFAULT_BASE;
    }

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Article texts to check evidence quotes against (default: ../shared/articles when it exists).")
    Path corpus;

    @Option(names = "--no-corpus", description = "Skip the check of quotes against the article texts.")
    boolean noCorpus;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the phases after loading: SHACL validation, the exports and VoID; with more than one, the text index is made beside TDB2's indexes (default: one per processor, here ${DEFAULT-VALUE}).")
    int threads = GraphBuilder.defaultThreads();

    @Option(names = {"-q", "--quiet"}, description = "Do not print the build's phases as they run.")
    boolean quiet;

    Path dataDir() {
        return data != null ? data : KgCommand.home().resolve("data");
    }

    Path ontologyDir() {
        return ontology != null ? ontology : KgCommand.home().resolve("ontology");
    }

    Path configFile() {
        return KgCommand.configFile(config);
    }

    GraphBuilder builder() {
        return builder(base());
    }

    /** The builder of the graph, minting IRIs under {@code baseIri}. */
    GraphBuilder builder(String baseIri) {
        Path home = KgCommand.home();
        Path corpusDir = null;
        if (!noCorpus) {
            if (corpus != null) {
                if (!Files.isDirectory(corpus)) throw new org.articlekg.KgException("--corpus: no such folder '" + corpus + "'");
                corpusDir = corpus;
            } else if (Files.isDirectory(home.resolve("../shared/articles"))) {
                corpusDir = home.resolve("../shared/articles").normalize();
            }
        }
        Path dataDir = dataDir();
        if (!Files.isDirectory(dataDir)) throw new org.articlekg.KgException("--data: no such folder '" + dataDir + "'");
        if (threads < 1) throw new org.articlekg.KgException("--threads: must be at least 1, not " + threads);
        return GraphBuilder.create()
                .dataDir(dataDir)
                .ontologyDir(ontologyDir())
                .serviceConfig(configFile())
                .base(baseIri)
                .corpus(corpusDir)
                .progress(new ProgressLines(quiet))
                .threads(threads)
                .build();
    }
}
