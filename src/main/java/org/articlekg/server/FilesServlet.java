package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.build.DumpFiles;
import org.articlekg.publish.Link;
import org.articlekg.publish.Templates;
import org.articlekg.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * Files of the served build and of the class path: the dumps ({@code /dumps/NAME}, listed with
 * their sizes, formats and the build's date at {@code /dumps/}), the VoID
 * description ({@code /.well-known/void}, negotiated between RDF syntaxes and an HTML page for
 * browsers), the pages' scripts ({@code /static/...}) and WebJars
 * ({@code /webjars/...}) for the explorer's scripts.
 */
final class FilesServlet extends HttpServlet {
    /** The WebJars' files; the dumps' types come from {@link DumpFiles#mediaType(String)}. */
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final Supplier<ServedGraph> served;

    FilesServlet(Supplier<ServedGraph> served) {
        this.served = served;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String servlet = req.getServletPath();
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (servlet) {
            case "/dumps" -> {
                if (rest.isEmpty() || rest.equals("/")) dumpList(req, resp);
                else dump(rest, resp);
            }
            case "/.well-known/void" -> voidDescription(req, resp);
            case "/webjars" -> classpath("META-INF/resources/webjars", rest, resp);
            case "/static" -> classpath("static", rest, resp);
            default -> notFound(resp);
        }
    }

    private void dump(String rest, HttpServletResponse resp) throws IOException {
        String name = rest.startsWith("/") ? rest.substring(1) : rest;
        Path dir = served.get().build().resolve(Store.DUMPS);
        Path file = dir.resolve(name).normalize();
        if (!name.matches("[A-Za-z0-9_.-]+") || !file.startsWith(dir) || !Files.isRegularFile(file)) {
            notFound(resp);
            return;
        }
        String type = DumpFiles.mediaType(name);
        resp.setStatus(200);
        resp.setContentType(type == null ? "application/octet-stream" : type.startsWith("text/") ? type + "; charset=utf-8" : type);
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        resp.setContentLengthLong(Files.size(file));
        Files.copy(file, resp.getOutputStream());
    }

    /**
     * {@code /dumps/}: the files of the served build's {@code dumps/} folder with their sizes and
     * formats, and the build's date; JSON for programs, HTML for browsers ({@code Accept:
     * text/html} or {@code format=html}).
     */
    private void dumpList(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        Path build = served.get().build();
        Path dir = build.resolve(Store.DUMPS);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile).filter(f -> DumpFiles.mediaType(f.getFileName().toString()) != null).sorted().forEach(files::add);
            }
        }
        java.time.Instant builtAt = org.articlekg.store.BuildInfo.read(build).built();
        String built = builtAt == null ? null : builtAt.toString();
        String format = req.getParameter("format");
        String type = format != null ? ("html".equals(format) ? "text/html" : "json".equals(format) ? "application/json" : null)
                : Negotiation.choose(req.getHeader("Accept"), List.of("application/json", "text/html"));
        if (type == null) {
            LinkedDataServlet.send(resp, 406, "text/plain; charset=utf-8", "Not acceptable. Available: application/json, text/html\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (type.equals("text/html")) {
            List<DumpItem> items = new ArrayList<>();
            for (Path f : files) {
                String name = f.getFileName().toString();
                items.add(new DumpItem(new Link("/dumps/" + name, name), formatName(name), DumpFiles.mediaType(name), humanSize(Files.size(f))));
            }
            String html = Templates.render("dumps", new DumpsPage("Downloads", built, items));
            LinkedDataServlet.send(resp, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        JsonArray list = new JsonArray();
        for (Path f : files) {
            String name = f.getFileName().toString();
            JsonObject o = new JsonObject();
            o.put("name", name);
            o.put("url", "/dumps/" + name);
            o.put("format", formatName(name));
            o.put("mediaType", DumpFiles.mediaType(name));
            o.put("bytes", Files.size(f));
            list.add(o);
        }
        JsonObject root = new JsonObject();
        if (built != null) root.put("built", built);
        root.put("dumps", list);
        LinkedDataServlet.send(resp, 200, "application/json; charset=utf-8", JSON.toString(root).getBytes(StandardCharsets.UTF_8));
    }

    /** A file's format as people name it: Jena's label for RDF syntaxes (Turtle, TriG ...), else GEXF, GraphML. */
    private static String formatName(String file) {
        Lang lang = RDFLanguages.filenameToLang(file);
        if (lang != null) return lang.getLabel();
        String ext = file.substring(file.lastIndexOf('.') + 1);
        return ext.equals("graphml") ? "GraphML" : ext.toUpperCase(java.util.Locale.ROOT);
    }

    private static String humanSize(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private void voidDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        Path file = served.get().build().resolve(Store.VOID);
        if (!Files.isRegularFile(file)) {
            notFound(resp);
            return;
        }
        List<String> offers = new ArrayList<>(Negotiation.RDF_TYPES);
        offers.add(1, Negotiation.HTML);
        String type = Negotiation.chooseOr406(req, resp, offers);
        if (type == null) return;
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(g);
        if (type.equals(Negotiation.HTML)) {
            String html = Templates.render("void", VoidPage.of(g, served.get().base()));
            LinkedDataServlet.send(resp, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, Negotiation.lang(type));
        LinkedDataServlet.send(resp, 200, type, out.toByteArray());
    }

    /** A file of the class path under {@code root}: a WebJar's, or the pages' own scripts. */
    private void classpath(String root, String rest, HttpServletResponse resp) throws IOException {
        if (!rest.matches("(/[A-Za-z0-9_.-]+)+") || rest.contains("..")) {
            notFound(resp);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(root + rest)) {
            if (in == null) {
                notFound(resp);
                return;
            }
            String ext = rest.substring(rest.lastIndexOf('.') + 1);
            byte[] bytes = in.readAllBytes();
            resp.setHeader("Cache-Control", "public, max-age=86400");
            LinkedDataServlet.send(resp, 200, TYPES.getOrDefault(ext, "application/octet-stream"), bytes);
        }
    }

    /** A file of the downloads page. */
    record DumpItem(Link file, String format, String mediaType, String size) {}

    /** The downloads page. */
    record DumpsPage(String title, String built, List<DumpItem> files) {}

    private static void notFound(HttpServletResponse resp) throws IOException {
        LinkedDataServlet.send(resp, 404, "text/plain; charset=utf-8", "Not found\n".getBytes());
    }
}
