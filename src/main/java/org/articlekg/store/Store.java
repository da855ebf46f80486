package org.articlekg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.jena.tdb2.params.StoreParams;
import org.articlekg.KgException;

/**
 * Where built graphs live. Each build writes a new folder under {@code builds/}; only a build
 * that succeeded is published, by atomically repointing the symbolic link {@code current} at it.
 * A failed build leaves {@code current} and what it points at untouched.
 *
 * <pre>
 * var/
 *   current -> builds/20261122-150102-1a2b3c
 *   builds/20261122-150102-1a2b3c/{tdb2, text, dumps, build.properties}
 * </pre>
 */
public final class Store {
    public static final String CURRENT = "current";
    public static final String BUILDS = "builds";
    public static final String TDB2 = "tdb2";
    public static final String TEXT = "text";
    public static final String DUMPS = "dumps";
    public static final String INFO = "build.properties";
    public static final String VOID = "void.ttl";
    /**
     * TDB2's storage for a new build: four quad indexes instead of TDB2's six. Queries read the
     * union of the named graphs, which the three indexes that end with the graph serve; GSPO keeps
     * a graph's quads together (dumps, the Graph Store read). A pattern inside one named graph
     * with its subject, predicate or object bound reads that index range and keeps the graph's
     * quads: TDB2 takes the first of the indexes that match a pattern equally well, so GSPO comes
     * last. GSPO stays TDB2's primary quad index, the order its quad table names the slots in (the
     * others are mapped from it). Recorded in the database ({@code tdb.cfg}), which every later
     * connection reads.
     */
    public static final StoreParams STORAGE = StoreParams.builder("article-kg")
            .quadIndexes(new String[] {"SPOG", "POSG", "OSPG", "GSPO"}).build();

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    public Store(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() { return root; }

    /** The published build's folder, resolved (not the link), if there is one. */
    public Optional<Path> current() {
        Path link = root.resolve(CURRENT);
        if (!Files.exists(link)) return Optional.empty();
        try {
            // Resolved against the store's own path (not toRealPath), so that builds() and
            // begin() name the same folders when the store root is itself reached through a link.
            return Optional.of(link.getParent().resolve(Files.readSymbolicLink(link)).normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published build's folder, or an error telling the user to build first. */
    public Path requireCurrent() {
        return current().orElseThrow(() -> new KgException("no graph built in " + root + ": run 'kg build' first"));
    }

    /** The file a build holds a lock on, so that two builds never run into one store at once. */
    public static final String LOCK = "build.lock";

    /**
     * Takes the store's build lock, or fails in one line when another build (in this process or
     * another) holds it: two builds at once would each delete the other's folder when publishing.
     * The operating system releases the lock when the process ends, even after {@code kill -9}.
     */
    public BuildLock lockForBuild() {
        Path file = root.resolve(LOCK);
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file).strip();
                channel.close();
                throw new KgException("another build is running in " + root + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + ": wait for it to finish, then build again");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return new BuildLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Closing releases the lock; nothing more to do.
                }
            }
            throw new KgException("cannot lock " + file + " for the build: " + e.getMessage(), e);
        }
    }

    /** The store's build lock, held until closed. */
    public static final class BuildLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private BuildLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // The lock goes with the channel or with the process.
            }
        }
    }

    /** A new, empty folder for a build. */
    public Path begin() {
        String name = LocalDateTime.now().format(STAMP) + "-" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = root.resolve(BUILDS).resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KgException("cannot create build folder " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * Makes a finished build the current one, atomically, then deletes builds older than the one
     * it replaces (that one stays, since a running server may still be reading it).
     */
    public void publish(Path build) {
        Path link = root.resolve(CURRENT);
        Path tmp = root.resolve(CURRENT + ".tmp-" + UUID.randomUUID());
        Optional<Path> previous = current();
        try {
            Files.createSymbolicLink(tmp, root.relativize(build.toAbsolutePath().normalize()));
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new KgException("cannot publish build " + build + ": " + e.getMessage(), e);
        }
        List<Path> keep = new ArrayList<>(List.of(build.toAbsolutePath().normalize()));
        previous.ifPresent(keep::add);
        for (Path old : builds()) {
            if (!keep.contains(old)) deleteQuietly(old);
        }
    }

    /**
     * Whether the current build is missing or older than any file under the given inputs
     * (data, ontology, service description).
     */
    public boolean isStale(List<Path> inputs) {
        Optional<Path> build = current();
        if (build.isEmpty() || !Files.exists(build.get().resolve(INFO))) return true;
        try {
            long built = Files.getLastModifiedTime(build.get().resolve(INFO)).toMillis();
            return newestModification(inputs) > built;
        } catch (IOException e) {
            return true;
        }
    }

    /** The latest modification time of any file under the given files or folders. */
    public static long newestModification(List<Path> inputs) {
        long newest = 0;
        for (Path input : inputs) {
            if (!Files.exists(input)) continue;
            try (Stream<Path> s = Files.walk(input)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newest;
    }

    /**
     * Opens a build's database through {@code opener}, turning the lock error of a database that
     * another process (a running {@code kg serve}) holds into one clear line.
     */
    public static <T> T openBuild(Path build, java.util.function.Supplier<T> opener) {
        try {
            return opener.get();
        } catch (RuntimeException failure) {
            org.apache.jena.dboe.DBOpEnvException e = null;
            for (Throwable t = failure; t != null && e == null; t = t.getCause()) {
                if (t instanceof org.apache.jena.dboe.DBOpEnvException db) e = db;
            }
            if (e == null || !String.valueOf(e.getMessage()).contains("lock")) throw failure;
            String msg = String.valueOf(e.getMessage());
            String pid = msg.replaceAll(".*held by process (\\d+).*", "$1");
            throw new KgException("the graph in " + build + " is in use by another process"
                    + (pid.equals(msg) ? "" : " (pid " + pid + ")")
                    + ", probably kg serve: query it over HTTP (kg query --endpoint URL) or stop the server");
        }
    }

    /** Releases a database opened from the command line, so the process holds no lock on it. */
    public static void release(org.apache.jena.sparql.core.DatasetGraph dsg) {
        while (dsg instanceof org.apache.jena.sparql.core.DatasetGraphWrapper w) dsg = w.getWrapped();
        if (org.apache.jena.tdb2.sys.TDBInternal.isTDB2(dsg)) org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
    }

    /** The base IRI a build was made with (from its build.properties), or null when unknown. */
    public static String baseOf(Path build) {
        return BuildInfo.read(build).base();
    }

    /** Deletes a build that failed. */
    public void discard(Path build) {
        deleteQuietly(build);
    }

    /** All build folders, oldest first. */
    public List<Path> builds() {
        Path dir = root.resolve(BUILDS);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(Path::getFileName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(path)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: a leftover folder is harmless and removed by the next publish.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}
