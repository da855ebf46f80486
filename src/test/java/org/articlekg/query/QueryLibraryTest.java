package org.articlekg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekg.KgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a folder of saved queries: what it refuses, and where it says so. */
class QueryLibraryTest {
    @TempDir
    Path dir;

    @Test
    void aParameterNamedAfterAnApiParameterIsRefused() throws Exception {
        Files.writeString(dir.resolve("top.rq"), "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10\n");
        assertEquals(1, QueryLibrary.read(dir).all().size());
        Files.writeString(dir.resolve("paged.rq"), "SELECT ?s WHERE { ?s ?p ?o FILTER(?o < ?__limit_xsd_integer) }\n");
        KgException e = assertThrows(KgException.class, () -> QueryLibrary.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("paged.rq") + ": parameter name 'limit' (?__limit_xsd_integer) is reserved"),
                e.getMessage());
    }
}
