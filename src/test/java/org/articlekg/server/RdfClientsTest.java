package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real RDF clients read what the project publishes, with the counts Jena reads: rapper (Debian's
 * raptor2-utils) on each dump of a build, rdflib (Debian's python3-rdflib, with rdflib-jsonld) on
 * each dump and on each negotiated format of an entity page. Each test is skipped when its tool is
 * missing.
 */
class RdfClientsTest {
    /** The dumps a build writes, with their syntaxes (rapper's, rdflib's, Jena's); any also .nt. */
    private static final List<String[]> DUMPS = List.of(
            new String[] {"article-kg.ttl", "turtle", "turtle", "TTL"},
            new String[] {"article-kg.nt", "ntriples", "nt", "NT"},
            new String[] {"article-kg.trig", "trig", "trig", "TRIG"},
            new String[] {"article-kg.nq", "nquads", "nquads", "NQ"},
            new String[] {"article-kg.jsonld", null, "json-ld", "JSONLD"});

    @TempDir
    static Path tmp;
    static KgServer server;
    static Path dumps;

    @BeforeAll
    static void start() {
        Store store = buildRealData(tmp.resolve("store"));
        dumps = store.requireCurrent().resolve(Store.DUMPS);
        server = KgServer.start(store, ServiceConfig.read(CONFIG), ServerSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static Lang lang(String name) {
        return switch (name) {
            case "TTL" -> Lang.TURTLE;
            case "NT" -> Lang.NTRIPLES;
            case "TRIG" -> Lang.TRIG;
            case "NQ" -> Lang.NQUADS;
            case "JSONLD" -> Lang.JSONLD;
            case "RDFXML" -> Lang.RDFXML;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The statements of a file as a streaming parser sees them (repeats counted), as rapper counts. */
    private static long streamed(Path file, Lang lang) {
        StreamRDFCounting counter = StreamRDFLib.count();
        RDFParser.source(file).lang(lang).parse(counter);
        return counter.count();
    }

    /** The distinct statements of a file, per graph, as rdflib's graphs hold them. */
    private static long distinct(Path file, Lang lang) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFDataMgr.read(dsg, file.toString(), lang);
        long n = dsg.getDefaultGraph().size();
        for (var it = dsg.listGraphNodes(); it.hasNext(); ) n += dsg.getGraph(it.next()).size();
        return n;
    }

    private static List<String[]> presentDumps() {
        List<String[]> present = new ArrayList<>();
        for (String[] d : DUMPS) if (Files.isRegularFile(dumps.resolve(d[0]))) present.add(d);
        return present;
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + command);
        return output;
    }

    @Test
    void rapperParsesEachDumpWithJenasCounts() throws Exception {
        assumeTrue(runs("rapper", "--version"), "no rapper (apt-get install raptor2-utils)");
        int checked = 0;
        for (String[] d : presentDumps()) {
            if (d[1] == null) continue; // rapper has no JSON-LD parser
            Path file = dumps.resolve(d[0]);
            String output = run(List.of("rapper", "-i", d[1], "-c", file.toString()));
            // rapper -c prints "rapper: Parsing returned N triples" (on stderr, merged here).
            var m = java.util.regex.Pattern.compile("returned (\\d+) (triple|statement)").matcher(output);
            assertTrue(m.find(), d[0] + ": " + output);
            assertEquals(streamed(file, lang(d[3])), Long.parseLong(m.group(1)), d[0] + ": rapper's count");
            assertFalse(output.toLowerCase().contains("error"), d[0] + ": " + output);
            checked++;
        }
        assertTrue(checked >= 3, "dumps read by rapper: " + checked);
    }

    @Test
    void rdflibParsesEachDumpAndEachNegotiatedPageWithJenasCounts() throws Exception {
        String python = "/usr/bin/python3";
        assumeTrue(runs(python, "-c", "import rdflib"), "no python3-rdflib (apt-get install python3-rdflib)");
        boolean jsonld = runs(python, "-c", "import rdflib; rdflib.Graph().parse(data='{}', format='json-ld')");
        Path script = tmp.resolve("rdflib_counts.py");
        try (var in = getClass().getResourceAsStream("/clients/rdflib_counts.py")) {
            Files.write(script, in.readAllBytes());
        }
        Map<Path, String> files = new LinkedHashMap<>(); // file -> Jena's Lang name
        Map<Path, String> formats = new LinkedHashMap<>(); // file -> rdflib's format
        for (String[] d : presentDumps()) {
            if (d[2].equals("json-ld") && !jsonld) continue;
            files.put(dumps.resolve(d[0]), d[3]);
            formats.put(dumps.resolve(d[0]), d[2]);
        }
        Map<String, String[]> pages = Map.of("ttl", new String[] {"turtle", "TTL"}, "jsonld", new String[] {"json-ld", "JSONLD"},
                "nt", new String[] {"nt", "NT"}, "rdfxml", new String[] {"xml", "RDFXML"});
        for (var p : pages.entrySet()) {
            if (p.getKey().equals("jsonld") && !jsonld) continue;
            HttpResponse<String> r = get(server.url() + "doc/person/elon-musk?format=" + p.getKey(), null);
            assertEquals(200, r.statusCode(), p.getKey());
            Path file = tmp.resolve("elon-musk." + p.getKey());
            Files.writeString(file, r.body(), StandardCharsets.UTF_8);
            files.put(file, p.getValue()[1]);
            formats.put(file, p.getValue()[0]);
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        formats.forEach((f, fmt) -> {
            command.add(f.toString());
            command.add(fmt);
        });
        String output = run(command);
        Map<String, String[]> lines = new LinkedHashMap<>();
        for (String line : output.strip().split("\n")) {
            String[] f = line.strip().split(" ", 3);
            if (f.length == 3) lines.put(f[0], f);
        }
        for (var e : files.entrySet()) {
            String[] f = lines.get(e.getKey().toString());
            assertNotNull(f, e.getKey() + " missing in:\n" + output);
            assertEquals("ok", f[1], e.getKey() + ": " + String.join(" ", f));
            long jena = distinct(e.getKey(), lang(e.getValue()));
            assertTrue(jena > 0, e.getKey() + " is empty");
            assertEquals(jena, Long.parseLong(f[2]), e.getKey().getFileName() + ": rdflib's count");
        }
        assertTrue(files.size() >= 6, "files read by rdflib: " + files.keySet());
    }
}
