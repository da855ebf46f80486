package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.articlekg.store.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Python client: SPARQLWrapper (Debian's python3-sparqlwrapper) runs a SELECT in each of
 * its return formats for tables (JSON, XML, CSV, TSV) and a CONSTRUCT in each of its formats for
 * graphs (RDFXML, N3, TURTLE, JSONLD), sent as it sends them (format=, output= and results=,
 * repeated, with its Accept header), and reads every answer back. Skipped when no python3 with
 * SPARQLWrapper is installed.
 */
class SparqlWrapperTest {
    @TempDir
    static Path tmp;

    /** The Python that imports SPARQLWrapper: the one on the PATH, else Debian's. */
    private static String python() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import SPARQLWrapper, rdflib").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return candidate;
            } catch (IOException e) {
                // not installed: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    @Test
    void everyReturnFormatOfSparqlWrapperIsAnsweredAndReadBack() throws Exception {
        String python = python();
        assumeTrue(python != null, "no python3 with SPARQLWrapper and rdflib (apt-get install python3-sparqlwrapper)");
        Path script = tmp.resolve("sparqlwrapper_formats.py");
        try (var in = getClass().getResourceAsStream("/clients/sparqlwrapper_formats.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (KgServer server = KgServer.start(buildRealData(tmp.resolve("store")), ServiceConfig.read(CONFIG),
                ServerSettings.defaults().withPort(0))) {
            Process p = new ProcessBuilder(python, script.toString(), server.url() + "kg/sparql").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the client finished");
            Map<String, String[]> lines = new LinkedHashMap<>();
            for (String line : output.strip().split("\n")) {
                String[] f = line.strip().split(" ", 4);
                if (f.length >= 2 && (f[0].startsWith("SELECT-") || f[0].startsWith("CONSTRUCT-"))) lines.put(f[0], f);
            }
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("SELECT-json", "application/sparql-results+json");
            expected.put("SELECT-xml", "application/sparql-results+xml");
            expected.put("SELECT-csv", "text/csv");
            expected.put("SELECT-tsv", "text/tab-separated-values");
            expected.put("CONSTRUCT-rdf+xml", "application/rdf+xml");
            expected.put("CONSTRUCT-n3", "text/turtle");
            expected.put("CONSTRUCT-turtle", "text/turtle");
            expected.put("CONSTRUCT-json-ld", "application/ld+json");
            for (var e : expected.entrySet()) {
                String[] f = lines.get(e.getKey());
                assertNotNull(f, e.getKey() + " missing in:\n" + output);
                if (e.getKey().equals("CONSTRUCT-json-ld") && f[1].equals("error") && f[3].contains("does not offer")) {
                    continue; // a SPARQLWrapper without JSON-LD (rdflib-jsonld missing) does not offer it
                }
                assertEquals("ok", f[1], e.getKey() + ": " + String.join(" ", f));
                assertTrue(f[2].startsWith(e.getValue()), e.getKey() + " answered " + f[2]);
                assertEquals("3", f[3], e.getKey() + ": rows or triples read back");
            }
        }
    }
}
