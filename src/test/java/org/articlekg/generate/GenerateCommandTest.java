package org.articlekg.generate;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekg.cli.KgCommand;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kg generate}: a thin shell over {@link CorpusGenerator}, with its exit codes and messages. */
class GenerateCommandTest {
    @TempDir
    Path temp;

    @Test
    void writesEveryFileIntoANewFolder() {
        Path out = temp.resolve("new/corpus");
        Result r = run("generate", "--articles", "10", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        for (Kind kind : FactModel.read(Path.of("ontology")).kinds()) {
            assertTrue(Files.isRegularFile(out.resolve(kind.fileName())), kind.fileName());
            assertTrue(r.out.contains(kind.fileName()), "rows of " + kind.fileName() + " listed: " + r.out);
        }
        assertTrue(r.out.contains("Generated 10 articles"), r.out);
        assertTrue(r.err.contains("generate: 100% (10/10 articles)"), r.err);
    }

    @Test
    void refusesAFolderWithCsvFilesWithoutForce() throws IOException {
        Files.writeString(temp.resolve("articles.csv"), "id\n");
        Result r = run("generate", "--articles", "5", "--out", temp.toString());
        assertEquals(KgCommand.EXIT_INVALID, r.code);
        assertTrue(r.err.contains("already holds CSV files (articles.csv)") && r.err.contains("--force"), r.err);
        assertFalse(r.err.contains("Exception"), "one line, no stack trace: " + r.err);
        assertEquals("id\n", Files.readString(temp.resolve("articles.csv")), "left as it was");
    }

    @Test
    void overwritesWithForce() throws IOException {
        Files.writeString(temp.resolve("articles.csv"), "id\n");
        Result r = run("generate", "--articles", "5", "--out", temp.toString(), "--force");
        assertEquals(0, r.code, r.err);
        assertTrue(Files.readString(temp.resolve("articles.csv")).startsWith("id,title,"));
    }

    @Test
    void readsTheKindsFromTheOntologyOption() throws IOException {
        Path ontology = temp.resolve("ontology");
        Files.createDirectories(ontology);
        for (String f : new String[] {FactModel.ONTOLOGY_FILE, FactModel.KINDS_FILE}) {
            Files.copy(Path.of("ontology").resolve(f), ontology.resolve(f));
        }
        Path out = temp.resolve("corpus");
        Result r = run("generate", "--articles", "5", "--ontology", ontology.toString(), "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(Files.isRegularFile(out.resolve("evidence.csv")));
        assertTrue(r.out.contains("kg validate --data " + out + " --ontology " + ontology + " --no-corpus"), r.out);
    }

    @Test
    void refusesAnOntologyFolderWithoutDeclarations() {
        Path out = temp.resolve("corpus");
        Result r = run("generate", "--articles", "5", "--ontology", temp.resolve("nowhere").toString(), "--out", out.toString());
        assertEquals(KgCommand.EXIT_INVALID, r.code);
        assertTrue(r.err.contains("file not found"), r.err);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void refusesZeroArticles() {
        Result r = run("generate", "--articles", "0", "--out", temp.resolve("x").toString());
        assertEquals(KgCommand.EXIT_INVALID, r.code);
        assertTrue(r.err.contains("at least 1"), r.err);
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = KgCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
