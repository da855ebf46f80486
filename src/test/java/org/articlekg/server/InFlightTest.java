package org.articlekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class InFlightTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final InFlight<String, String> shared = new InFlight<>();
    /** How many computations ran. */
    private final AtomicInteger computed = new AtomicInteger();
    /** Counted down by the first computation; it then waits for {@link #release}. */
    private final CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /**
     * Starts {@code n} requests for {@code key}; a computation waits for {@link #release}, then
     * answers {@code value} of its number (1 for the first).
     */
    private List<Future<String>> ask(String key, int n, IntFunction<String> value) {
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(pool.submit(() -> shared.get(key, () -> {
                int k = computed.incrementAndGet();
                started.countDown();
                await(release);
                return value.apply(k);
            })));
        }
        return answers;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "released in time");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code n} requests wait for the computation of {@code key}. */
    private void waitUntilWaiting(String key, int n) throws InterruptedException {
        while (shared.waiting(key) < n) Thread.sleep(1);
    }

    @Test
    void requestsForTheSameKeyWhileItRunsShareOneComputation() throws Exception {
        List<Future<String>> answers = ask("lawsuits", 4, k -> "lawsuits #" + k);
        await(started);
        waitUntilWaiting("lawsuits", 3);
        release.countDown();
        for (Future<String> a : answers) assertEquals("lawsuits #1", a.get(10, TimeUnit.SECONDS));
        assertEquals(1, computed.get(), "one computation for four requests");
        assertEquals(0, shared.running(), "nothing kept once answered");

        // once answered, the next request computes again: nothing is cached
        assertEquals("lawsuits #2", shared.get("lawsuits", () -> "lawsuits #" + computed.incrementAndGet()));
    }

    @Test
    void otherKeysDoNotWait() throws Exception {
        List<Future<String>> slow = ask("lawsuits", 1, k -> "lawsuits #" + k);
        await(started);
        assertEquals("articles", shared.get("articles", () -> "articles"), "answered while lawsuits runs");
        release.countDown();
        assertEquals("lawsuits #1", slow.get(0).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFailureIsTheFailureOfEveryRequestThatWaitedForIt() throws Exception {
        IllegalStateException timeout = new IllegalStateException("the query ran past 5 s");
        List<Future<String>> answers = ask("slow", 3, k -> {
            throw timeout;
        });
        await(started);
        waitUntilWaiting("slow", 2);
        release.countDown();
        for (Future<String> a : answers) {
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> a.get(10, TimeUnit.SECONDS));
            assertSame(timeout, e.getCause(), "the computation's own exception, not a wrapper");
        }
        assertEquals(1, computed.get());
        // and the key is free again
        assertEquals("fine", shared.get("slow", () -> "fine"));
    }
}
