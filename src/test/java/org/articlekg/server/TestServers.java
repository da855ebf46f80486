package org.articlekg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.articlekg.build.GraphBuilder;
import org.articlekg.store.Store;

/** Builds the real data/ into a store and talks HTTP to a server: shared by the server tests. */
final class TestServers {
    private TestServers() {}

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path CONFIG = PROJECT.resolve("fuseki-config/config.ttl");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static GraphBuilder builder(Path dataDir) {
        Path corpus = PROJECT.resolve("../shared/articles");
        return GraphBuilder.create()
                .dataDir(dataDir)
                .ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(CONFIG)
                .corpus(Files.isDirectory(corpus) ? corpus : null)
                .build();
    }

    static Store buildRealData(Path storeDir) {
        Store store = new Store(storeDir);
        builder(PROJECT.resolve("data")).buildInto(store);
        return store;
    }

    static HttpResponse<String> get(String url, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accept != null) b.header("Accept", accept);
        return send(b.build());
    }

    static HttpResponse<String> query(KgServer server, String sparql, String accept) {
        return get(server.url() + "kg/sparql?query=" + encode(sparql), accept);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // The server may close a kept-alive connection after refusing a request whose body it
                // did not read; the JDK client then fails the next request on it. Retry that once.
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) throw e;
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
