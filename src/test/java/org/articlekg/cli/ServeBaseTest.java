package org.articlekg.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.articlekg.load.Iris;
import org.articlekg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --base, kg serve mints IRIs under the address it listens on. */
class ServeBaseTest {
    @TempDir
    Path tmp;

    @Test
    void theBaseIsTheHostAndPortListenedOn() {
        Store empty = new Store(tmp.resolve("store"));
        assertEquals("http://localhost:3403/", ServeCommand.listenBase("localhost", 3403, empty));
        assertEquals("http://localhost:3030/", ServeCommand.listenBase("localhost", 3030, empty));
        assertEquals("http://localhost:8080/", ServeCommand.listenBase("0.0.0.0", 8080, empty), "every interface is named localhost");
        assertEquals("http://kg.internal:80/", ServeCommand.listenBase("kg.internal", 80, empty));
        assertEquals("http://[::1]:3030/", ServeCommand.listenBase("::1", 3030, empty));
    }

    @Test
    void portZeroKeepsTheCurrentBuildsBaseOrTheDefault() {
        assertEquals(Iris.DEFAULT_BASE, ServeCommand.listenBase("localhost", 0, new Store(tmp.resolve("store"))));
    }
}
