package org.articlekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who a request comes from: the forwarding headers count only from a trusted proxy. */
class ClientAddressTest {
    private static HttpServletRequest request(String remote, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private final ClientAddress clients = new ClientAddress(List.of("10.0.0.1", "10.0.0.2"));

    @Test
    void fromAnUntrustedPeerTheHeadersAreIgnored() {
        assertEquals("203.0.113.9", clients.of(request("203.0.113.9", Map.of("X-Forwarded-For", "198.51.100.1"))));
        assertEquals("203.0.113.9", clients.of(request("203.0.113.9", Map.of("Forwarded", "for=198.51.100.1"))));
    }

    @Test
    void fromATrustedProxyTheNearestUntrustedAddressIsTheClient() {
        // The client may put anything on the left; the proxies append on the right.
        assertEquals("198.51.100.7", clients.of(request("10.0.0.1", Map.of("X-Forwarded-For", "1.2.3.4, 198.51.100.7, 10.0.0.2"))));
        assertEquals("2001:db8::1", clients.of(request("10.0.0.1", Map.of("Forwarded", "for=1.2.3.4, for=\"[2001:db8::1]:4711\";proto=https"))));
        assertEquals("198.51.100.7", clients.of(request("10.0.0.1", Map.of("Forwarded", "For=198.51.100.7:443"))));
        assertEquals("10.0.0.1", clients.of(request("10.0.0.1", Map.of())), "no header: the proxy itself");
        assertEquals("10.0.0.1", clients.of(request("10.0.0.1", Map.of("X-Forwarded-For", "10.0.0.2"))), "only proxies: the peer");
    }

    @Test
    void localAndDirectMeansLoopbackWithoutForwardingHeaders() {
        assertTrue(ClientAddress.isLocalAndDirect(request("127.0.0.1", Map.of())));
        assertTrue(ClientAddress.isLocalAndDirect(request("0:0:0:0:0:0:0:1", Map.of())));
        assertFalse(ClientAddress.isLocalAndDirect(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.9"))));
        assertFalse(ClientAddress.isLocalAndDirect(request("127.0.0.1", Map.of("Forwarded", "for=203.0.113.9"))));
        assertFalse(ClientAddress.isLocalAndDirect(request("192.168.1.5", Map.of())));
    }
}
