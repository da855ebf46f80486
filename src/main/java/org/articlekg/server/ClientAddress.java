package org.articlekg.server;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who a request comes from, for the per-client limits: the address of the connection, unless
 * that address is a trusted reverse proxy; then the nearest address its {@code Forwarded} (RFC
 * 7239) or {@code X-Forwarded-For} header names that is not itself a trusted proxy. From any
 * other address those headers are ignored: a client cannot choose who it is.
 */
final class ClientAddress {
    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(HttpServletRequest req) {
        String remote = req.getRemoteAddr();
        if (!trustedProxies.contains(remote)) return remote;
        List<String> chain = forwardedFor(req.getHeader("Forwarded"));
        if (chain.isEmpty()) chain = split(req.getHeader("X-Forwarded-For"));
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(chain.get(i))) return chain.get(i);
        }
        return remote;
    }

    /** Whether the request was made on this machine, directly (not relayed by a proxy). */
    static boolean isLocalAndDirect(HttpServletRequest req) {
        String remote = req.getRemoteAddr();
        boolean loopback = remote.equals("127.0.0.1") || remote.equals("::1") || remote.equals("0:0:0:0:0:0:0:1")
                || remote.equals("[::1]") || remote.equals("[0:0:0:0:0:0:0:1]");
        return loopback && req.getHeader("Forwarded") == null && req.getHeader("X-Forwarded-For") == null;
    }

    /** The {@code for=} addresses of a Forwarded header, first hop first. */
    private static List<String> forwardedFor(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) return out;
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String[] kv = pair.strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("for")) out.add(bare(kv[1]));
            }
        }
        return out;
    }

    private static List<String> split(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) return out;
        for (String a : header.split(",")) if (!a.isBlank()) out.add(bare(a));
        return out;
    }

    /** An address without quotes, brackets or port: {@code "[2001:db8::1]:4711"} is {@code 2001:db8::1}. */
    private static String bare(String s) {
        String a = s.strip();
        if (a.startsWith("\"") && a.endsWith("\"") && a.length() >= 2) a = a.substring(1, a.length() - 1);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : a;
        }
        int colon = a.indexOf(':');
        if (colon > 0 && a.indexOf(':', colon + 1) < 0) a = a.substring(0, colon);
        return a;
    }
}
