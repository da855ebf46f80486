package org.articlekg.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.articlekg.Futures;

/**
 * Identical requests in flight share one computation: the first one computes, and those that ask
 * for the same key before it has finished wait for its value instead of computing it again beside
 * it. Nothing is kept once the first has finished (keeping answers is a cache's work, in front of
 * the server). A failure, such as a timeout, is the failure of every request that waited for it,
 * as each would have met it too.
 *
 * @param <K> what identifies a computation (equal keys, the same value)
 * @param <V> its value
 */
final class InFlight<K, V> {
    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /** The value for {@code key}: computed here, or by the request already computing it. */
    V get(K key, Supplier<V> compute) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> first = running.putIfAbsent(key, mine);
        if (first != null) return Futures.join(first);
        try {
            V value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** How many computations are running (for the tests). */
    int running() {
        return running.size();
    }

    /** About how many requests wait for the computation of {@code key} (for the tests). */
    int waiting(K key) {
        CompletableFuture<V> first = running.get(key);
        return first == null ? 0 : first.getNumberOfDependents();
    }
}
