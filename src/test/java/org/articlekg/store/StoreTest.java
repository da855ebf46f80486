package org.articlekg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekg.KgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's folders and its atomic publication through the symbolic link {@code current}. */
class StoreTest {
    @TempDir Path tmp;

    /** A finished build: a new folder with a marker file. */
    private static Path build(Store store, String marker) throws IOException {
        Path dir = store.begin();
        Files.writeString(dir.resolve("marker"), marker);
        return dir;
    }

    @Test
    void emptyStoreHasNoCurrentBuildAndSaysToBuildFirst() {
        Store store = new Store(tmp.resolve("var"));
        assertTrue(store.current().isEmpty());
        assertEquals(List.of(), store.builds());
        KgException e = assertThrows(KgException.class, store::requireCurrent);
        assertTrue(e.getMessage().contains("kg build"), e.getMessage());
    }

    @Test
    void beginMakesANewEmptyFolderUnderBuildsThatIsNotYetCurrent() throws IOException {
        Store store = new Store(tmp.resolve("var"));
        Path a = store.begin();
        Path b = store.begin();
        assertNotEquals(a, b);
        assertEquals(store.root().resolve(Store.BUILDS), a.getParent());
        try (var s = Files.list(a)) {
            assertEquals(0, s.count());
        }
        assertTrue(store.current().isEmpty(), "begin publishes nothing");
    }

    @Test
    void publishPointsCurrentAtTheBuildThroughARelativeSymbolicLink() throws IOException {
        Store store = new Store(tmp.resolve("var"));
        Path a = build(store, "a");
        store.publish(a);
        Path link = store.root().resolve(Store.CURRENT);
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.readSymbolicLink(link).isAbsolute(), "the store can be moved");
        assertEquals(a, store.current().orElseThrow());
        assertEquals("a", Files.readString(store.requireCurrent().resolve("marker")));
        try (var s = Files.list(store.root())) {
            assertEquals(List.of(Store.BUILDS, Store.CURRENT),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary link is left");
        }
    }

    @Test
    void publishKeepsThePreviousBuildAndDeletesOlderOnes() throws IOException {
        Store store = new Store(tmp.resolve("var"));
        Path a = build(store, "a");
        store.publish(a);
        Path b = build(store, "b");
        store.publish(b);
        assertEquals(b, store.current().orElseThrow());
        assertTrue(Files.exists(a.resolve("marker")), "the replaced build stays: a server may still read it");
        Path c = build(store, "c");
        store.publish(c);
        assertEquals(c, store.current().orElseThrow());
        assertFalse(Files.exists(a), "builds older than the replaced one are deleted");
        assertEquals(List.of(b, c).stream().sorted().toList(), store.builds().stream().sorted().toList());
    }

    @Test
    void discardDeletesAFailedBuildAndLeavesCurrentAlone() throws IOException {
        Store store = new Store(tmp.resolve("var"));
        Path a = build(store, "a");
        store.publish(a);
        Path failed = build(store, "failed");
        Files.createDirectories(failed.resolve("tdb2").resolve("Data-0001"));
        Files.writeString(failed.resolve("tdb2").resolve("Data-0001").resolve("x.dat"), "x");
        store.discard(failed);
        assertFalse(Files.exists(failed));
        assertEquals(a, store.current().orElseThrow());
        assertEquals(List.of(a), store.builds());
    }

    @Test
    void currentIsEmptyWhenItsLinkIsDangling() throws IOException {
        Store store = new Store(tmp.resolve("var"));
        Path a = build(store, "a");
        store.publish(a);
        store.discard(a);
        assertTrue(store.current().isEmpty());
    }

    @Test
    void publishKeepsThePreviousBuildWhenTheStoreRootIsASymbolicLink() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real-var"));
        Path link = Files.createSymbolicLink(tmp.resolve("var"), real);
        Store store = new Store(link);
        Path a = build(store, "a");
        store.publish(a);
        Path b = build(store, "b");
        store.publish(b);
        assertTrue(Files.exists(a.resolve("marker")), "the replaced build must stay");
        assertEquals(b, store.current().orElseThrow(), "current() names the build as begin() did");
    }
}
