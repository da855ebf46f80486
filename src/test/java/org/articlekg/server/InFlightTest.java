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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class InFlightTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Starts {@code n} requests for {@code key}; the first to compute waits for {@code release}. */
    private List<Future<String>> ask(InFlight<String, String> shared, String key, int n, AtomicInteger computed,
                                     CountDownLatch started, CountDownLatch release) {
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(pool.submit(() -> shared.get(key, () -> {
                int k = computed.incrementAndGet();
                started.countDown();
                await(release);
                return key + " #" + k;
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
    private static void waitUntilWaiting(InFlight<String, String> shared, String key, int n) throws InterruptedException {
        while (shared.waiting(key) < n) Thread.sleep(1);
    }

    @Test
    void requestsForTheSameKeyWhileItRunsShareOneComputation() throws Exception {
        InFlight<String, String> shared = new InFlight<>();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        List<Future<String>> answers = ask(shared, "lawsuits", 4, computed, started, release);
        await(started);
        waitUntilWaiting(shared, "lawsuits", 3);
        release.countDown();
        for (Future<String> a : answers) assertEquals("lawsuits #1", a.get(10, TimeUnit.SECONDS));
        assertEquals(1, computed.get(), "one computation for four requests");
        assertEquals(0, shared.running(), "nothing kept once answered");

        // once answered, the next request computes again: nothing is cached
        assertEquals("lawsuits #2", shared.get("lawsuits", () -> "lawsuits #" + computed.incrementAndGet()));
    }

    @Test
    void otherKeysDoNotWait() throws Exception {
        InFlight<String, String> shared = new InFlight<>();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        List<Future<String>> slow = ask(shared, "lawsuits", 1, computed, started, release);
        await(started);
        assertEquals("articles", shared.get("articles", () -> "articles"), "answered while lawsuits runs");
        release.countDown();
        assertEquals("lawsuits #1", slow.get(0).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFailureIsTheFailureOfEveryRequestThatWaitedForIt() throws Exception {
        InFlight<String, String> shared = new InFlight<>();
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        IllegalStateException timeout = new IllegalStateException("the query ran past 5 s");
        AtomicInteger computed = new AtomicInteger();
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(pool.submit(() -> shared.get("slow", () -> {
                computed.incrementAndGet();
                started.countDown();
                await(release);
                throw timeout;
            })));
        }
        await(started);
        waitUntilWaiting(shared, "slow", 2);
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
