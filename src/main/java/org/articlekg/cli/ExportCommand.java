package org.articlekg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.articlekg.KgException;
import org.articlekg.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kg export}: writes the current build in an RDF syntax or as a graph file for graph tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Writes the current build as RDF (ttl, trig, nq, jsonld) or as a graph file (gexf, graphml).",
        description = {"Writes the current build: RDF (ttl, trig, nq, jsonld) or, for graph tools, gexf (Gephi) or graphml.",
                "Every build writes all of them under var/current/dumps/; the server offers them under /dumps/."})
final class ExportCommand implements Callable<Integer> {
    /** Format name → dump file of a build. */
    static final Map<String, String> FILES = files();

    @Mixin StoreOptions store;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "ttl, trig, nq, jsonld, gexf or graphml.")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        String file = FILES.get(format);
        if (file == null) throw new KgException("--format must be one of " + String.join(", ", FILES.keySet()) + ", found '" + format + "'");
        Path dump = store.store().requireCurrent().resolve(Store.DUMPS).resolve(file);
        if (!Files.isRegularFile(dump)) throw new KgException("the current build has no " + file + ": run 'kg build' again");
        if (out == null) {
            Files.copy(dump, System.out);
            System.out.flush();
        } else {
            Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                Files.copy(dump, o);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.err.println("kg export: wrote " + out + " (" + Files.size(out) + " bytes)");
        }
        return 0;
    }

    private static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : new String[] {"ttl", "trig", "nq", "jsonld", "gexf", "graphml"}) m.put(f, "article-kg." + f);
        return java.util.Collections.unmodifiableMap(m);
    }
}
