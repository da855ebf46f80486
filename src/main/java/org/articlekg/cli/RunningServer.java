package org.articlekg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.articlekg.store.Store;

/**
 * The {@code kg serve} running on a store, as it announces itself in the store's
 * {@value #FILE}: its address and process id. A running server holds the TDB2 database of the
 * build it serves, so {@code kg query} and {@code kg stats} on the same store ask it over HTTP
 * instead of opening the database.
 *
 * <pre>
 * RunningServer.on(store).ifPresent(s -> QueryRunner.remote(s.endpoint(), timeout, 0)...);
 * </pre>
 *
 * @param url the server's address, ending in {@code /}
 * @param pid the process that serves
 */
record RunningServer(String url, long pid) {
    /** The file, in the store's folder, where a running {@code kg serve} says where it listens. */
    static final String FILE = "serving.properties";

    RunningServer {
        if (!url.endsWith("/")) url = url + "/";
    }

    /** The SPARQL endpoint of the server. */
    String endpoint() {
        return url + "kg/sparql";
    }

    /** The server announced on a store, when its process is still alive; a stale file is ignored. */
    static Optional<RunningServer> on(Store store) {
        Path file = store.root().resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String url = p.getProperty("url");
        long pid;
        try {
            pid = Long.parseLong(p.getProperty("pid", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (url == null || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return Optional.empty();
        return Optional.of(new RunningServer(url, pid));
    }

    /** Announces this process as the server of a store; {@link #withdraw} undoes it. */
    static RunningServer announce(Store store, String url) {
        RunningServer s = new RunningServer(url, ProcessHandle.current().pid());
        Properties p = new Properties();
        p.setProperty("url", s.url());
        p.setProperty("pid", Long.toString(s.pid()));
        Path file = store.root().resolve(FILE);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(store.root());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "written by kg serve while it runs; kg query and kg stats use it");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    /** Removes the announcement, if it is still this server's. */
    void withdraw(Store store) {
        if (on(store).filter(this::equals).isPresent()) {
            try {
                Files.deleteIfExists(store.root().resolve(FILE));
            } catch (IOException e) {
                // Left behind, it names a process that is gone and is ignored.
            }
        }
    }
}
