package org.articlekg.build;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.articlekg.Futures;
import org.articlekg.KgException;

/**
 * Runs independent phases of a build on a few threads. It always waits for every task (none is
 * left holding a transaction on the database), then rethrows the first failure in task order,
 * with the others attached as suppressed exceptions.
 */
final class Tasks {
    private Tasks() {}

    /** The threads a build uses by default: one per processor. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts {@code task} on a thread of its own, named {@code name}, to run beside the caller's work. */
    static <T> CompletableFuture<T> beside(String name, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits for a task started {@link #beside} to end; returns its failure, or null ({@link Futures#join} rethrows it). */
    static Throwable settle(CompletableFuture<?> task) {
        return task.handle((done, failure) -> failure instanceof CompletionException c ? c.getCause() : failure).join();
    }

    /** Runs {@code tasks} on at most {@code threads} threads, taking them in the given order (put the longest first). */
    static void runAll(int threads, List<Runnable> tasks) {
        if (threads <= 1 || tasks.size() <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, "kg-build-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) futures.add(pool.submit(task));
            Throwable first = null;
            for (Future<?> f : futures) {
                Throwable failure = null;
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new KgException("interrupted while waiting for the build's phases", e);
                }
                if (failure == null) continue;
                if (first == null) first = failure;
                else first.addSuppressed(failure);
            }
            if (first instanceof RuntimeException re) throw re;
            if (first instanceof Error err) throw err;
            if (first != null) throw new KgException(first.getMessage(), first);
        } finally {
            pool.shutdown();
        }
    }
}
