package org.articlekg.server;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Requests for another host than the base's are noticed, and logged once per host. */
class HostCheckTest {
    @Test
    void theBasesHostAndPortAreTheSameHost() {
        assertTrue(HostCheck.sameHost("http://localhost:3403/", "localhost:3403"));
        assertTrue(HostCheck.sameHost("http://localhost:3403/", "LOCALHOST:3403"));
        assertTrue(HostCheck.sameHost("https://kg.example.org/", "kg.example.org"));
        assertTrue(HostCheck.sameHost("https://kg.example.org/", "kg.example.org:443"));
        assertTrue(HostCheck.sameHost("http://kg.example.org:80/", "kg.example.org"));
    }

    @Test
    void anotherHostOrPortIsAnotherHost() {
        assertFalse(HostCheck.sameHost("http://localhost:3030/", "localhost:3403"));
        assertFalse(HostCheck.sameHost("http://localhost:3030/", "127.0.0.1:3030"));
        assertFalse(HostCheck.sameHost("https://kg.example.org/", "localhost:3030"));
    }

    @Test
    void eachHostIsWarnedAboutOnceAndTheirNumberIsBounded() {
        HostCheck check = new HostCheck(() -> null);
        assertTrue(check.firstTime("localhost:3403"));
        assertFalse(check.firstTime("localhost:3403"));
        assertFalse(check.firstTime("LOCALHOST:3403"));
        for (int i = 0; i < HostCheck.MAX_HOSTS * 2; i++) check.firstTime("h" + i);
        assertFalse(check.firstTime("one-more-host"), "no more than MAX_HOSTS hosts are remembered or logged");
    }
}
