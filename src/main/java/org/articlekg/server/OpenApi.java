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
        info.put("license", licence());
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
            params.add(ref("parameters", q.isTabular() ? FORMAT_TABLE : FORMAT_GRAPH));
            params.add(ref("parameters", LIMIT));
            params.add(ref("parameters", OFFSET));
            get.put("parameters", params);
            JsonObject responses = new JsonObject();
            JsonObject ok = new JsonObject();
            ok.put("description", q.isTabular() ? "The result table" : "The result graph");
            JsonObject content = new JsonObject();
            ResultFormat.formats(q.isTabular()).forEach(f -> content.put(f.mediaType(), mediaType(f)));
            content.put(ResultFormat.HTML.mediaType(), new JsonObject());
            ok.put("content", content);
            JsonObject headers = new JsonObject();
            headers.put(GuardedQuery.TRUNCATED, header("true when the server's row cap cut the results (there were more rows)", "string"));
            headers.put(GuardedQuery.LIMIT, header("the row cap, sent with " + GuardedQuery.TRUNCATED, "integer"));
            ok.put("headers", headers);
            responses.put("200", ok);
            for (var e : ERRORS.entrySet()) responses.put(e.getKey(), ref("responses", e.getValue()));
            get.put("responses", responses);
            JsonObject item = new JsonObject();
            item.put("get", get);
            paths.put("/" + q.name(), item);
        }
        root.put("paths", paths);
        root.put("components", components(settings));
        return root;
    }

    /** Names in {@code components}: schemas of JSON bodies, shared parameters and error responses. */
    static final String RESULTS = "SparqlResults", SELECT_RESULTS = "SparqlSelectResults", ASK_RESULTS = "SparqlAskResults",
            TERM = "RdfTerm", ERROR = "Error", FORMAT_TABLE = "formatTable", FORMAT_GRAPH = "formatGraph",
            LIMIT = "limit", OFFSET = "offset";

    /** Status → shared response, declared by every operation. */
    static final java.util.Map<String, String> ERRORS = new java.util.TreeMap<>(java.util.Map.of("400", "BadRequest", "404", "NotFound",
            "406", "NotAcceptable", "429", "TooManyRequests", "503", "ServiceUnavailable"));

    /** The licence of the data; the repository states none for the code. */
    private static JsonObject licence() {
        JsonObject l = new JsonObject();
        l.put("name", "CC BY 4.0 (the data; the repository states no licence for the code)");
        l.put("url", "https://creativecommons.org/licenses/by/4.0/");
        return l;
    }

    /** A media type of a 200: JSON ones with the schema a generated client types the body with. */
    private static JsonObject mediaType(ResultFormat f) {
        JsonObject o = new JsonObject();
        if (f == ResultFormat.JSON) o.put("schema", ref("schemas", RESULTS));
        else if (f == ResultFormat.JSONLD) o.put("schema", schema("object", "A JSON-LD document (compacted with the graph's prefixes)"));
        else o.put("schema", schema("string", null));
        return o;
    }

    private static JsonObject components(ServerSettings settings) {
        JsonObject schemas = new JsonObject();
        schemas.put(RESULTS, sparqlResults());
        schemas.put(SELECT_RESULTS, selectResults());
        schemas.put(ASK_RESULTS, askResults());
        schemas.put(TERM, rdfTerm());
        schemas.put(ERROR, error());

        JsonObject parameters = new JsonObject();
        parameters.put(FORMAT_TABLE, formatParameter(true));
        parameters.put(FORMAT_GRAPH, formatParameter(false));
        parameters.put(LIMIT, pageParameter(QueryLibrary.LIMIT, 1, "The most rows (solutions) to return: one page. Pages follow the "
                + "query's order; a page with fewer rows is the last. At most the server's row cap (" + settings.maxRows() + ")."));
        parameters.put(OFFSET, pageParameter(QueryLibrary.OFFSET, 0, "How many rows (solutions) to skip before the page (default 0)."));

        JsonObject responses = new JsonObject();
        responses.put("BadRequest", errorResponse("A parameter is missing, unknown, or has a value of the wrong type "
                + "(the error names it in 'parameter'), or the Accept header is not a list of media ranges"));
        responses.put("NotFound", errorResponse("No saved query by this name (the list is at /api/)"));
        responses.put("NotAcceptable", errorResponse("None of the formats this query gives is acceptable (Accept or format=)"));
        JsonObject busy = response("Too many queries at once, from this client or in all: retry after the seconds of Retry-After");
        JsonObject busyHeaders = new JsonObject();
        busyHeaders.put("Retry-After", header("seconds to wait before retrying", "integer"));
        busy.put("headers", busyHeaders);
        JsonObject text = new JsonObject();
        JsonObject plain = new JsonObject();
        plain.put("schema", schema("string", null));
        text.put("text/plain", plain);
        busy.put("content", text);
        responses.put("TooManyRequests", busy);
        responses.put("ServiceUnavailable", errorResponse("The query ran longer than the timeout ("
                + settings.timeout().toMillis() / 1000.0 + " s)"));

        JsonObject c = new JsonObject();
        c.put("schemas", schemas);
        c.put("parameters", parameters);
        c.put("responses", responses);
        return c;
    }

    /** SPARQL 1.1 Query Results JSON: the rows of a SELECT, or the answer of an ASK. */
    private static JsonObject sparqlResults() {
        JsonObject o = new JsonObject();
        o.put("description", "SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/)");
        JsonArray oneOf = new JsonArray();
        oneOf.add(ref("schemas", SELECT_RESULTS));
        oneOf.add(ref("schemas", ASK_RESULTS));
        o.put("oneOf", oneOf);
        return o;
    }

    private static JsonObject selectResults() {
        JsonObject head = object("The variables, in the order of the query's SELECT");
        JsonObject vars = schema("array", null);
        vars.put("items", schema("string", null));
        head.get("properties").getAsObject().put("vars", vars);
        JsonObject link = schema("array", null);
        link.put("items", schema("string", null));
        head.get("properties").getAsObject().put("link", link);
        head.put("required", strings("vars"));

        JsonObject binding = object("One row: each bound variable's value (an unbound one is absent)");
        binding.remove("properties");
        binding.put("additionalProperties", ref("schemas", TERM));
        JsonObject bindings = schema("array", null);
        bindings.put("items", binding);
        JsonObject results = object(null);
        results.get("properties").getAsObject().put("bindings", bindings);
        results.put("required", strings("bindings"));

        JsonObject o = object("The rows of a SELECT");
        o.get("properties").getAsObject().put("head", head);
        o.get("properties").getAsObject().put("results", results);
        o.put("required", strings("head", "results"));
        return o;
    }

    private static JsonObject askResults() {
        JsonObject head = object(null);
        JsonObject o = object("The answer of an ASK");
        o.get("properties").getAsObject().put("head", head);
        o.get("properties").getAsObject().put("boolean", schema("boolean", null));
        o.put("required", strings("head", "boolean"));
        return o;
    }

    private static JsonObject rdfTerm() {
        JsonObject o = object("An RDF term: an IRI (uri), a literal (with xml:lang or datatype) or a blank node (bnode)");
        JsonObject props = o.get("properties").getAsObject();
        JsonObject type = schema("string", null);
        type.put("enum", strings("uri", "literal", "bnode"));
        props.put("type", type);
        props.put("value", schema("string", "The IRI, the literal's lexical form, or the blank node's label"));
        props.put("xml:lang", schema("string", "The language tag of a literal"));
        JsonObject datatype = schema("string", "The datatype IRI of a typed literal");
        datatype.put("format", "uri");
        props.put("datatype", datatype);
        o.put("required", strings("type", "value"));
        return o;
    }

    /** The body of every error {@code /api/} answers itself (see {@code ApiServlet.error}). */
    private static JsonObject error() {
        JsonObject o = object("An error: its HTTP status, a message saying what to fix, and the parameter at fault if any");
        JsonObject props = o.get("properties").getAsObject();
        props.put("status", schema("integer", "The HTTP status"));
        props.put("error", schema("string", "What went wrong and what to fix"));
        props.put("parameter", schema("string", "The parameter at fault, when one is"));
        o.put("required", strings("status", "error"));
        return o;
    }

    private static JsonObject errorResponse(String description) {
        JsonObject r = response(description);
        JsonObject json = new JsonObject();
        json.put("schema", ref("schemas", ERROR));
        JsonObject content = new JsonObject();
        content.put("application/json", json);
        r.put("content", content);
        return r;
    }

    private static JsonObject formatParameter(boolean tabular) {
        JsonObject format = new JsonObject();
        format.put("name", QueryLibrary.FORMAT);
        format.put("in", "query");
        format.put("required", false);
        format.put("description", "Result format; otherwise chosen by the Accept header (SPARQL JSON, or Turtle for a graph, "
                + "by default; HTML for browsers). The other names clients send (turtle, n3, json-ld, rdf+xml, media types) "
                + "are understood too.");
        JsonObject formatSchema = schema("string", null);
        JsonArray formats = new JsonArray();
        ResultFormat.formats(tabular).forEach(f -> formats.add(f.shortName()));
        formats.add(ResultFormat.HTML.shortName());
        formatSchema.put("enum", formats);
        format.put("schema", formatSchema);
        return format;
    }

    private static JsonObject ref(String section, String name) {
        JsonObject o = new JsonObject();
        o.put("$ref", "#/components/" + section + "/" + name);
        return o;
    }

    private static JsonObject schema(String type, String description) {
        JsonObject o = new JsonObject();
        o.put("type", type);
        if (description != null) o.put("description", description);
        return o;
    }

    private static JsonObject object(String description) {
        JsonObject o = schema("object", description);
        o.put("properties", new JsonObject());
        return o;
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) a.add(v);
        return a;
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
