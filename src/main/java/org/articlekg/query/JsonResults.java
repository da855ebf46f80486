package org.articlekg.query;

import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.impl.Util;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterFactory;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSubsystemLifecycle;

/**
 * The SPARQL 1.1 Query Results JSON format (with SPARQL 1.2's triple terms and {@code its:dir}),
 * written compactly through Gson's streaming {@link JsonWriter}: the same terms as Jena's own
 * writer, which it replaces for {@link ResultSetLang#RS_JSON} everywhere (the endpoint,
 * {@code /api/}, {@code kg query}): Jena's indents every value and writes character by character,
 * which took 690 ms for a report's 10,000 rows (13.9 MB) where this takes about 100 ms (11.5 MB;
 * bench/RESULTS.md). Registered when Jena starts, as a Jena subsystem
 * ({@code META-INF/services/org.apache.jena.sys.JenaSubsystemLifecycle}), after Jena's own.
 */
public final class JsonResults implements RowSetWriter {
    public static final RowSetWriterFactory FACTORY = lang -> new JsonResults();

    private JsonResults() {}

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        boolean labelsAsGiven = context != null && context.isTrue(ARQ.outputGraphBNodeLabels);
        NodeToLabel labels = labelsAsGiven ? SyntaxLabels.createNodeToLabelAsGiven() : SyntaxLabels.createNodeToLabel();
        write(out, json -> {
            json.beginObject();
            json.name("head").beginObject().name("vars").beginArray();
            for (Var var : rowSet.getResultVars()) json.value(var.getVarName());
            json.endArray().endObject();
            json.name("results").beginObject().name("bindings").beginArray();
            while (rowSet.hasNext()) {
                Binding row = rowSet.next();
                json.beginObject();
                for (Var var : rowSet.getResultVars()) {
                    Node value = row.get(var);
                    if (value == null) continue;
                    json.name(var.getVarName());
                    term(json, value, labels);
                }
                json.endObject();
            }
            json.endArray().endObject();
            json.endObject();
        });
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        write(out, json -> json.beginObject().name("head").beginObject().endObject().name("boolean").value(result).endObject());
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        throw new UnsupportedOperationException("SPARQL results JSON is written to an OutputStream (UTF-8)");
    }

    private interface Body {
        void write(JsonWriter json) throws IOException;
    }

    private static void write(OutputStream out, Body body) {
        try {
            // not closed: the stream is the caller's (an HTTP response, standard output)
            JsonWriter json = new JsonWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
            body.write(json);
            json.flush();
        } catch (IOException e) {
            throw new RuntimeIOException(e); // as Jena's writers: Fuseki logs a client that left in one line
        }
    }

    /** One RDF term: {"type": ..., "value": ...}, with its language, direction or datatype. */
    private static void term(JsonWriter json, Node node, NodeToLabel labels) throws IOException {
        json.beginObject();
        if (node.isURI()) {
            json.name("type").value("uri").name("value").value(node.getURI());
        } else if (node.isLiteral()) {
            json.name("type").value("literal");
            if (Util.isLangString(node) || Util.isDirLangString(node)) {
                json.name("xml:lang").value(node.getLiteralLanguage());
                if (node.getLiteralBaseDirection() != null) json.name("its:dir").value(node.getLiteralBaseDirection().direction());
            } else if (!Util.isSimpleString(node)) {
                json.name("datatype").value(node.getLiteralDatatypeURI());
            }
            json.name("value").value(node.getLiteralLexicalForm());
        } else if (node.isBlank()) {
            json.name("type").value("bnode").name("value").value(labels.get(null, node).substring(2)); // without "_:"
        } else if (node.isTripleTerm()) {
            Triple triple = node.getTriple();
            json.name("type").value("triple").name("value").beginObject();
            json.name("subject");
            term(json, triple.getSubject(), labels);
            json.name("predicate");
            term(json, triple.getPredicate(), labels);
            json.name("object");
            term(json, triple.getObject(), labels);
            json.endObject();
        } else {
            throw new IllegalArgumentException("not an RDF term of a result: " + node);
        }
        json.endObject();
    }

    /** Registers {@link JsonResults} for {@link ResultSetLang#RS_JSON} when Jena starts. */
    public static final class Subsystem implements JenaSubsystemLifecycle {
        @Override
        public void start() {
            RowSetWriterRegistry.register(ResultSetLang.RS_JSON, FACTORY);
        }

        @Override
        public void stop() {}

        /** After Jena's own (RIOT 20, ARQ 30, TDB2 42, Fuseki 101), which register theirs. */
        @Override
        public int level() {
            return 500;
        }
    }
}
