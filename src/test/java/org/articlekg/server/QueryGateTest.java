package org.articlekg.server;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gate in front of queries and pages: its bounds, the pages' short wait, and its refusals. */
class QueryGateTest {
    private static final ServerSettings SETTINGS = ServerSettings.defaults().withMaxQueries(4, 2);

    /** What a request got: 0 while it has not ended, -1 when the gate let it through, else its status. */
    static final class Answer {
        volatile int status;
        volatile String retryAfter;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }

    /** Requests held inside the gate until {@link #release} opens the latch. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<CompletableFuture<Answer>> sent = new ArrayList<>();

    @AfterEach
    void releaseEverything() throws Exception {
        release.countDown();
        for (CompletableFuture<Answer> f : sent) f.get(10, TimeUnit.SECONDS);
    }

    private static HttpServletRequest request(String address) {
        return (HttpServletRequest) Proxy.newProxyInstance(QueryGateTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getRemoteAddr" -> address;
                    case "getRequestURI" -> "/doc/organization/openai";
                    default -> null;
                });
    }

    private static HttpServletResponse response(Answer answer) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) {}
            @Override public void write(int b) { answer.body.write(b); }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(QueryGateTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> { if ("Retry-After".equals(args[0])) answer.retryAfter = (String) args[1]; }
                        case "getOutputStream" -> { return out; }
                        default -> { }
                    }
                    return null;
                });
    }

    /** Sends a request through {@code gate} on a thread of its own; once through, it waits for {@link #release}. */
    private CompletableFuture<Answer> send(QueryGate gate, String address, CountDownLatch through) {
        Answer answer = new Answer();
        FilterChain chain = (req, resp) -> {
            answer.status = -1;
            through.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        CompletableFuture<Answer> f = CompletableFuture.supplyAsync(() -> {
            try {
                gate.doFilter(request(address), response(answer), chain);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            return answer;
        }, r -> new Thread(r).start());
        sent.add(f);
        return f;
    }

    /** Fills the client's share with two requests held inside the gate. */
    private void fillTheShareOf(QueryGate gate, String address) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(2);
        send(gate, address, inside);
        send(gate, address, inside);
        assertTrue(inside.await(10, TimeUnit.SECONDS), "two requests inside the gate");
    }

    private static void awaitWaiting(QueryGate gate, int n) throws InterruptedException {
        for (int i = 0; i < 1000 && gate.waiting() < n; i++) Thread.sleep(10);
        assertEquals(n, gate.waiting(), "requests waiting");
    }

    @Test
    void aPageOverItsClientsShareWaitsForAPlaceAndIsThenMade() throws Exception {
        QueryGate gate = new QueryGate(SETTINGS, "pages", Duration.ofSeconds(10));
        fillTheShareOf(gate, "10.0.0.1");
        CountDownLatch third = new CountDownLatch(1);
        CompletableFuture<Answer> waiting = send(gate, "10.0.0.1", third);
        awaitWaiting(gate, 1);
        assertFalse(third.await(200, TimeUnit.MILLISECONDS), "not through while the client's two run");
        // another client is not held up by it
        CountDownLatch other = new CountDownLatch(1);
        send(gate, "10.0.0.2", other);
        assertTrue(other.await(10, TimeUnit.SECONDS), "another client's request goes through");
        release.countDown();
        assertEquals(-1, waiting.get(10, TimeUnit.SECONDS).status, "through once a place was free");
        assertEquals(0, gate.waiting());
    }

    @Test
    void aPageIsRefusedWhenItsWaitIsOver() throws Exception {
        QueryGate gate = new QueryGate(SETTINGS, "pages", Duration.ofMillis(300));
        fillTheShareOf(gate, "10.0.0.1");
        long t0 = System.nanoTime();
        Answer refused = send(gate, "10.0.0.1", new CountDownLatch(1)).get(10, TimeUnit.SECONDS);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(429, refused.status);
        assertTrue(waited >= 300, "waited " + waited + " ms first");
        assertEquals("5", refused.retryAfter, "Retry-After: the timeout");
        assertTrue(refused.body.toString(StandardCharsets.UTF_8).contains("this client already runs 2 pages at once"),
                refused.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noMoreWaitThanMayRunNorMoreFromOneClientThanItsShare() throws Exception {
        QueryGate gate = new QueryGate(SETTINGS, "pages", Duration.ofSeconds(10));
        fillTheShareOf(gate, "10.0.0.1");
        fillTheShareOf(gate, "10.0.0.2");
        // the server runs its 4: each client may have 2 waiting
        for (int i = 0; i < SETTINGS.maxQueriesPerClient(); i++) send(gate, "10.0.0.1", new CountDownLatch(1));
        awaitWaiting(gate, SETTINGS.maxQueriesPerClient());
        long t0 = System.nanoTime();
        Answer third = send(gate, "10.0.0.1", new CountDownLatch(1)).get(10, TimeUnit.SECONDS);
        assertEquals(429, third.status, "a client's request past its share of those waiting");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 5_000, "refused without waiting");
        // another client still finds room among those waiting, up to the server's 4
        for (int i = 0; i < SETTINGS.maxQueriesPerClient(); i++) send(gate, "10.0.0.3", new CountDownLatch(1));
        awaitWaiting(gate, SETTINGS.maxQueries());
        t0 = System.nanoTime();
        Answer fifth = send(gate, "10.0.0.4", new CountDownLatch(1)).get(10, TimeUnit.SECONDS);
        assertEquals(429, fifth.status, "a request past the 4 waiting");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 5_000, "refused without waiting");
        release.countDown();
        for (CompletableFuture<Answer> f : sent) {
            Answer a = f.get(10, TimeUnit.SECONDS);
            assertTrue(a.status == -1 || a == third || a == fifth, "every waiting request was made: " + a.status);
        }
    }

    @Test
    void queriesDoNotWait() throws Exception {
        QueryGate gate = new QueryGate(SETTINGS, "queries", Duration.ZERO);
        fillTheShareOf(gate, "10.0.0.1");
        Answer refused = send(gate, "10.0.0.1", new CountDownLatch(1)).get(10, TimeUnit.SECONDS);
        assertEquals(429, refused.status);
        assertTrue(refused.body.toString(StandardCharsets.UTF_8).contains("2 queries at once"));
        assertEquals(0, gate.waiting());
        // the server's total bound: two more clients fill it, a fourth client is refused
        fillTheShareOf(gate, "10.0.0.2");
        Answer full = send(gate, "10.0.0.3", new CountDownLatch(1)).get(10, TimeUnit.SECONDS);
        assertEquals(429, full.status);
        assertTrue(full.body.toString(StandardCharsets.UTF_8).contains("the server already runs 4 queries at once"));
    }
}
