package org.articlekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.articlekg.KgException;
import org.junit.jupiter.api.Test;

/** The limits' defaults, and a bad value names its option and itself. */
class ServerSettingsTest {
    @Test
    void defaultsAreTheDocumentedLimits() {
        ServerSettings s = ServerSettings.defaults();
        assertEquals(5, s.timeout().toSeconds());
        assertEquals(10_000, s.maxRows());
        assertEquals(4, s.maxQueries());
        assertEquals(2, s.maxQueriesPerClient());
        assertEquals(64 * 1024, s.maxBodyBytes());
        assertEquals(16 * 1024, s.maxUrlBytes());
        assertEquals(List.of(), s.trustedProxies());
    }

    @Test
    void badLimitsNameTheirOption() {
        ServerSettings d = ServerSettings.defaults();
        assertMessage("--max-queries must be 1 or more, found 0", () -> d.withMaxQueries(0, 1));
        assertMessage("--max-queries-per-client must be from 1 to --max-queries (4), found 5", () -> d.withMaxQueries(4, 5));
        assertMessage("--max-body must be 1024 bytes or more, found 10", () -> d.withMaxSizes(10, 8192));
        assertMessage("--max-url must be 1024 bytes or more, found 10", () -> d.withMaxSizes(8192, 10));
        assertMessage("--trusted-proxy takes IP addresses like 127.0.0.1 or ::1, found 'proxy.example.org'",
                () -> d.withTrustedProxies(List.of("proxy.example.org")));
    }

    @Test
    void theClientsTimeoutCountsOnlyWhenShorter() {
        assertEquals(5000, GuardedQuery.timeoutMillis(null, 5000));
        assertEquals(5000, GuardedQuery.timeoutMillis("99999,99999", 5000));
        assertEquals(3000, GuardedQuery.timeoutMillis("8,3", 5000));
        assertEquals(200, GuardedQuery.timeoutMillis("0.2", 5000));
        assertEquals(5000, GuardedQuery.timeoutMillis("-1,", 5000));
        for (String bad : java.util.List.of("abc", "-1,abc", "NaN", "1e400", "2s", "2d", "0x1p1", "Infinity")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GuardedQuery.timeoutMillis(bad, 5000), bad);
            assertTrue(e.getMessage().startsWith("timeout: "), e.getMessage());
        }
    }

    @Test
    void nestingIsCountedOutsideStringsIrisAndComments() {
        assertEquals(2, GuardedQuery.nesting("SELECT * { FILTER(?x) }"));
        assertEquals(1, GuardedQuery.nesting("SELECT * { ?s ?p \"((({{{\" } # ((((\n"));
        assertEquals(1, GuardedQuery.nesting("SELECT * { ?s <http://x/(((> '''((( \" '''}"));
        assertEquals(3, GuardedQuery.nesting("ASK { FILTER(?a < 3 && (?b > 2)) }"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        KgException ex = assertThrows(KgException.class, e);
        assertTrue(ex.getMessage().equals(expected), ex.getMessage());
    }
}
