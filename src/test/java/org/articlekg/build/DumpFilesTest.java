package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The dump files' writers. */
class DumpFilesTest {
    /** Quads in two graphs with what a dump must escape or abbreviate: prefixes, accents, quotes, new lines, types, numbers. */
    private static List<Quad> quads() {
        List<Quad> quads = new ArrayList<>();
        String ex = "http://example.org/";
        for (int i = 0; i < 2000; i++) {
            Node g = NodeFactory.createURI(ex + "graph/" + (i % 3 == 0 ? "inferred" : "facts"));
            Node s = NodeFactory.createURI(ex + "fact/" + i);
            quads.add(Quad.create(g, s, RDF.Nodes.type, NodeFactory.createURI(ex + "Fact")));
            quads.add(Quad.create(g, s, NodeFactory.createURI(ex + "quote"),
                    NodeFactory.createLiteralLang("« Il a dit \"non\" »\nà Paris, " + i + " € 𝄞 " + "texte ".repeat(i % 40), "fr")));
            quads.add(Quad.create(g, s, NodeFactory.createURI(ex + "amount"), NodeFactory.createLiteralDT(String.valueOf(i * 1000),
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
            quads.add(Quad.create(g, s, NodeFactory.createURI("http://other.org/x#y"), NodeFactory.createURI(ex + "entity/é-" + i)));
        }
        return quads;
    }

    private static byte[] write(BiFunction<OutputStream, RDFFormat, StreamRDF> writers, RDFFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamRDF w = writers.apply(out, format);
        w.start();
        w.prefix("ex", "http://example.org/");
        boolean triples = format.equals(RDFFormat.TURTLE_BLOCKS);
        for (Quad q : quads()) {
            if (triples) w.triple(q.asTriple());
            else w.quad(q);
        }
        w.finish();
        return out.toByteArray();
    }

    @Test
    void turtleAndTrigAreJenasOwnBytes() {
        for (RDFFormat format : List.of(RDFFormat.TURTLE_BLOCKS, RDFFormat.TRIG_BLOCKS)) {
            byte[] jena = write(StreamRDFWriter::getWriterStream, format);
            byte[] ours = write(DumpFiles::writer, format);
            assertTrue(jena.length > 4 * 65_536, format + ": more than the buffers hold");
            assertArrayEquals(jena, ours, format.toString());
        }
    }

    @Test
    void turtleRefusesAQuadOfANamedGraphAsJenaDoes() {
        Quad q = quads().get(0);
        for (java.util.function.BiFunction<OutputStream, RDFFormat, StreamRDF> writers
                : List.<java.util.function.BiFunction<OutputStream, RDFFormat, StreamRDF>>of(StreamRDFWriter::getWriterStream, DumpFiles::writer)) {
            StreamRDF w = writers.apply(new ByteArrayOutputStream(), RDFFormat.TURTLE_BLOCKS);
            w.start();
            assertThrows(org.apache.jena.riot.RiotException.class, () -> w.quad(q));
        }
    }
}
