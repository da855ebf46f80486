package org.articlekg.build;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.atlas.io.BufferingWriter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.system.StreamTriplesOnly;
import org.apache.jena.riot.writer.WriterStreamRDFBlocks;

/**
 * The files of a build's {@code dumps/} folder, with their formats and media types: the RDF
 * dumps by Jena's registry, the graph-tool exports (GEXF, GraphML, not RDF) by a table of their
 * own. The build writes them, the server serves and lists them, VoID announces them.
 */
public final class DumpFiles {
    private DumpFiles() {}

    /** The RDF dump files, by name, with the format each is written in. */
    public static final Map<String, RDFFormat> RDF = rdf();

    /** The graph-tool export files. */
    public static final java.util.List<String> EXPORTS = java.util.List.of("article-kg.gexf", "article-kg.graphml");

    /** The graph-tool exports' media types, by extension (not RDF syntaxes, so not in Jena's registry). */
    public static final Map<String, String> EXPORT_TYPES = Map.of("gexf", "application/gexf+xml", "graphml", "application/graphml+xml");

    /**
     * The media type of a dump or export file, by its extension: Jena's registry
     * ({@link RDFLanguages}) for RDF syntaxes, {@link #EXPORT_TYPES} for the graph-tool exports;
     * null for any other file.
     */
    public static String mediaType(String fileName) {
        Lang lang = RDFLanguages.filenameToLang(fileName);
        if (lang != null) return lang.getContentType().getContentTypeStr();
        return EXPORT_TYPES.get(fileName.substring(fileName.lastIndexOf('.') + 1));
    }

    /** The media type of each dump and export file, as the dataset description announces it. */
    public static final Map<String, String> MEDIA_TYPES = Stream.concat(RDF.keySet().stream(), EXPORTS.stream())
            .collect(Collectors.toUnmodifiableMap(n -> n, DumpFiles::mediaType));

    /**
     * A streaming writer of {@code format} into {@code out}: Jena's own
     * ({@link StreamRDFWriter}), except that Turtle and TriG in blocks, whose writer prints one
     * character at a time, write through an unsynchronised buffer ({@link BufferingWriter})
     * instead of a {@link java.io.BufferedWriter}, which takes a lock per character, and do not
     * pass on the flush Jena's writer asks for at every subject (a write to the file each time):
     * the same bytes, written 2-3 times faster (the build writes every quad in both). The caller
     * closes {@code out}, which writes what is left. Turtle refuses a quad of a named graph, as
     * Jena's own does.
     */
    public static StreamRDF writer(OutputStream out, RDFFormat format) {
        boolean turtle = format.equals(RDFFormat.TURTLE_BLOCKS);
        if (!turtle && !format.equals(RDFFormat.TRIG_BLOCKS)) return StreamRDFWriter.getWriterStream(out, format);
        OutputStream unflushed = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() {}
        };
        Writer chars = new BufferingWriter(new OutputStreamWriter(unflushed, StandardCharsets.UTF_8), 1 << 16);
        StreamRDF blocks = new WriterStreamRDFBlocks(RiotLib.create(chars), RIOT.getContext());
        return turtle ? StreamTriplesOnly.exceptionOnQuads(blocks) : blocks;
    }

    private static Map<String, RDFFormat> rdf() {
        Map<String, RDFFormat> m = new LinkedHashMap<>();
        m.put("article-kg.trig", RDFFormat.TRIG_BLOCKS);
        m.put("article-kg.nq", RDFFormat.NQUADS);
        m.put("article-kg.ttl", RDFFormat.TURTLE_BLOCKS);
        m.put("article-kg.jsonld", RDFFormat.JSONLD11);
        return Collections.unmodifiableMap(m);
    }
}
