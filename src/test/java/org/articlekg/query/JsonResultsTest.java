package org.articlekg.query;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON results writer: registered for Jena's JSON results, the same JSON as Jena's own writer, read back to the same terms. */
class JsonResultsTest {
    private static final Var S = Var.alloc("s");
    private static final Var O = Var.alloc("o");
    private static final Var T = Var.alloc("t");

    @BeforeAll
    static void init() {
        JenaSystem.init();
    }

    /** Rows of every kind of term: IRIs, plain, language, directional and typed literals, blank nodes (one twice), triple terms, unbound. */
    private static List<Binding> rows() {
        Node bnode = NodeFactory.createBlankNode("x1");
        Node iri = NodeFactory.createURI("http://example.org/id/é?a=1&b=<2>");
        return List.of(
                BindingFactory.binding(S, iri, O, NodeFactory.createLiteralString("quote \" backslash \\ tab \t newline \n \u2028 </script> é 𝄞")),
                BindingFactory.binding(S, bnode, O, NodeFactory.createLiteralLang("mille milliards", "fr"), T, bnode),
                BindingFactory.binding(S, NodeFactory.createBlankNode("x2"), O, NodeFactory.createLiteralDirLang("שלום", "he", TextDirection.RTL)),
                BindingFactory.binding(O, NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger)),
                BindingFactory.binding(S, iri, O, NodeFactory.createLiteralDT("2019-07", XSDDatatype.XSDgYearMonth),
                        T, NodeFactory.createTripleTerm(Triple.create(iri, NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralLang("x", "en")))),
                BindingFactory.empty());
    }

    private static RowSet rowSet() {
        return RowSetStream.create(List.of(S, O, T), rows().iterator());
    }

    private static String written(RowSet rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, rows);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String writtenByJena(RowSet rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON).write(out, rows, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void itIsTheWriterOfJsonResults() {
        assertSame(JsonResults.FACTORY, RowSetWriterRegistry.getFactory(ResultSetLang.RS_JSON));
    }

    @Test
    void itWritesWhatJenasWriterWritesWithoutTheIndentation() {
        String ours = written(rowSet());
        JsonElement expected = JsonParser.parseString(writtenByJena(rowSet()));
        assertEquals(expected, JsonParser.parseString(ours));
        assertFalse(ours.contains("\n"), "one line: " + ours);
        assertTrue(ours.length() < writtenByJena(rowSet()).length());
    }

    @Test
    void whatItWritesReadsBackToTheSameTerms() {
        String ours = written(rowSet());
        ResultSet read = ResultsReader.create().lang(ResultSetLang.RS_JSON).build()
                .read(new ByteArrayInputStream(ours.getBytes(StandardCharsets.UTF_8)));
        ResultSet expected = ResultSetFactory.makeRewindable(rowSet());
        assertTrue(ResultSetCompare.equalsByTerm(expected, read), ours);
    }

    @Test
    void anAskAnswerIsTheSameAsJenas() {
        for (boolean answer : new boolean[] {true, false}) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(ours, answer);
            ByteArrayOutputStream jenas = new ByteArrayOutputStream();
            RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON).write(jenas, answer, null);
            assertEquals(JsonParser.parseString(jenas.toString(StandardCharsets.UTF_8)),
                    JsonParser.parseString(ours.toString(StandardCharsets.UTF_8)));
        }
    }
}
