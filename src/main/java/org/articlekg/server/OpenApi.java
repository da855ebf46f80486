package org.articlekg.server;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.articlekg.query.Parameter;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.ResultFormat;
import org.articlekg.query.SavedQuery;

/** The OpenAPI 3 description of {@code /api/}, generated from the saved queries' decorators. */
final class OpenApi {
    private OpenApi() {}

    static JsonObject describe(QueryLibrary library, ServerSettings settings, String base) {
        JsonObject root = new JsonObject();
        root.put("openapi", "3.0.3");
        JsonObject info = new JsonObject();
        info.put("title", "article-kg saved queries");
        info.put("version", "1.0.0");
        info.put("description", "Analysts' questions over the article-kg graph: who invested in whom, who sued whom, "
                + "which sources disagree. Each answer carries the articles it rests on. Results are capped at "
                + settings.maxRows() + " rows; queries stop after " + settings.timeout().toMillis() / 1000.0 + " s (503).");
        root.put("info", info);
        JsonArray servers = new JsonArray();
        JsonObject server = new JsonObject();
        server.put("url", "/api");
        servers.add(server);
        root.put("servers", servers);
        JsonObject paths = new JsonObject();
        for (SavedQuery q : library.all()) {
            JsonObject get = new JsonObject();
            get.put("operationId", q.name());
            get.put("summary", q.summary());
            get.put("description", q.description());
            JsonArray tags = new JsonArray();
            q.tags().forEach(tags::add);
            get.put("tags", tags);
            JsonArray params = parameters(q, true, base);
            JsonObject format = new JsonObject();
            format.put("name", QueryLibrary.FORMAT);
            format.put("in", "query");
            format.put("required", false);
            format.put("description", "Result format; otherwise chosen by the Accept header (SPARQL JSON, or Turtle for a graph, "
                    + "by default; HTML for browsers). The other names clients send (turtle, n3, json-ld, rdf+xml, media types) "
                    + "are understood too.");
            JsonObject formatSchema = new JsonObject();
            formatSchema.put("type", "string");
            JsonArray formats = new JsonArray();
            ResultFormat.formats(q.isTabular()).forEach(f -> formats.add(f.shortName()));
            formats.add(ResultFormat.HTML.shortName());
            formatSchema.put("enum", formats);
            format.put("schema", formatSchema);
            params.add(format);
            params.add(pageParameter(QueryLibrary.LIMIT, 1, "The most rows (solutions) to return: one page. Pages follow the "
                    + "query's order; a page with fewer rows is the last. At most the server's row cap."));
            params.add(pageParameter(QueryLibrary.OFFSET, 0, "How many rows (solutions) to skip before the page (default 0)."));
            get.put("parameters", params);
            JsonObject responses = new JsonObject();
            JsonObject ok = new JsonObject();
            ok.put("description", q.isTabular() ? "The result table" : "The result graph");
            JsonObject content = new JsonObject();
            ResultFormat.formats(q.isTabular()).forEach(f -> content.put(f.mediaType(), new JsonObject()));
            content.put(ResultFormat.HTML.mediaType(), new JsonObject());
            ok.put("content", content);
            JsonObject headers = new JsonObject();
            headers.put(GuardedQuery.TRUNCATED, header("true when the server's row cap cut the results (there were more rows)", "string"));
            headers.put(GuardedQuery.LIMIT, header("the row cap, sent with " + GuardedQuery.TRUNCATED, "integer"));
            ok.put("headers", headers);
            responses.put("200", ok);
            responses.put("400", response("A parameter is missing, unknown, or has a value of the wrong type"));
            responses.put("406", response("No acceptable result format"));
            responses.put("503", response("The query ran longer than the timeout"));
            get.put("responses", responses);
            JsonObject item = new JsonObject();
            item.put("get", get);
            paths.put("/" + q.name(), item);
        }
        root.put("paths", paths);
        return root;
    }

    private static JsonObject pageParameter(String name, int minimum, String description) {
        JsonObject p = new JsonObject();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        JsonObject schema = new JsonObject();
        schema.put("type", "integer");
        schema.put("minimum", minimum);
        p.put("schema", schema);
        return p;
    }

    /**
     * The parameters of a query, as OpenAPI parameter objects (or plainer objects for the JSON index),
     * IRI defaults resolved against {@code base}, the served build's base IRI.
     */
    static JsonArray parameters(SavedQuery q, boolean openApi, String base) {
        JsonArray array = new JsonArray();
        for (Parameter p : q.parameters()) {
            JsonObject o = new JsonObject();
            o.put("name", p.name());
            if (openApi) o.put("in", "query");
            o.put("required", p.required() && p.defaultValue() == null);
            o.put("description", p.typeName() + (p.required() ? "" : ", optional: without it, no filter"));
            JsonObject schema = new JsonObject();
            switch (p.typeName()) {
                case "xsd:integer", "xsd:int", "xsd:long", "xsd:nonNegativeInteger", "xsd:positiveInteger" -> schema.put("type", "integer");
                case "xsd:decimal", "xsd:double", "xsd:float" -> schema.put("type", "number");
                case "xsd:boolean" -> schema.put("type", "boolean");
                case "xsd:date" -> {
                    schema.put("type", "string");
                    schema.put("format", "date");
                }
                case "IRI" -> {
                    schema.put("type", "string");
                    schema.put("format", "uri");
                }
                default -> schema.put("type", "string");
            }
            if (p.defaultValue() != null) schema.put("default", p.defaultValue(base));
            if (!p.allowed().isEmpty()) {
                JsonArray values = new JsonArray();
                p.allowed().forEach(values::add);
                schema.put("enum", values);
            }
            if (openApi) o.put("schema", schema);
            else {
                o.put("type", p.typeName());
                if (p.defaultValue() != null) o.put("default", p.defaultValue(base));
                if (!p.allowed().isEmpty()) o.put("allowed", schema.get("enum"));
            }
            array.add(o);
        }
        return array;
    }

    private static JsonObject response(String description) {
        JsonObject o = new JsonObject();
        o.put("description", description);
        return o;
    }

    private static JsonObject header(String description, String type) {
        JsonObject h = new JsonObject();
        h.put("description", description);
        JsonObject schema = new JsonObject();
        schema.put("type", type);
        h.put("schema", schema);
        return h;
    }
}
