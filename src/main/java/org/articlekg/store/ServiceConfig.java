package org.articlekg.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.assembler.TextVocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.assembler.VocabTDB2;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.KgException;

/**
 * The service description of {@code fuseki-config/config.ttl}, applied to one build: the file
 * names its database and text index at {@code var/current/...}; {@link #forBuild(Path)} points
 * them at a given build's folder, so the same description serves every build.
 */
public final class ServiceConfig {
    public static final String FILE = "config.ttl";

    static {
        TextQuery.init();
    }

    private final Path file;
    private final Model model;

    private ServiceConfig(Path file, Model model) {
        this.file = file;
        this.model = model;
    }

    /** Reads and checks the configuration file. */
    public static ServiceConfig read(Path file) {
        if (!Files.isRegularFile(file)) throw new KgException(file + ": configuration file not found");
        Model m = ModelFactory.createDefaultModel();
        try {
            RDFParser.source(file).parse(m);
        } catch (RiotException e) {
            throw new KgException(file + ": " + e.getMessage());
        }
        ServiceConfig config = new ServiceConfig(file, m);
        config.one(VocabTDB2.tDatasetTDB2, "TDB2 dataset (tdb2:DatasetTDB2)");
        config.one(TextVocab.textIndexLucene, "text index (text:TextIndexLucene)");
        config.one(TextVocab.textDataset, "text dataset (text:TextDataset)");
        return config;
    }

    public Path file() { return file; }

    /** A copy of the description whose database and text index are those of {@code build}. */
    public Model forBuild(Path build) {
        Model copy = ModelFactory.createDefaultModel().add(model);
        copy.setNsPrefixes(model.getNsPrefixMap());
        Path dir = build.toAbsolutePath().normalize();
        replace(copy, one(copy, VocabTDB2.tDatasetTDB2), VocabTDB2.pLocation,
                copy.createLiteral(dir.resolve(Store.TDB2).toString()));
        replace(copy, one(copy, TextVocab.textIndexLucene), TextVocab.pDirectory,
                ResourceFactory.createResource(dir.resolve(Store.TEXT).toUri().toString()));
        return copy;
    }

    /** Opens a build's database with its text index, as the service does. */
    public Dataset openDataset(Path build) {
        Model m = forBuild(build);
        return Store.openBuild(build, () -> DatasetFactory.assemble(one(m, TextVocab.textDataset)));
    }

    /**
     * Builds the text index of a build from its database: every literal of the predicates the
     * entity map names, once per subject and value. An index already in the build is replaced.
     *
     * @return the number of entries indexed
     */
    public long indexText(DatasetGraph dsg, Path build) {
        return index(build, add -> Txn.executeRead(dsg, () -> {
            // The union graph gives each triple once, whichever graphs hold it (TDB2 drops
            // repeats as they come in index order, instead of remembering every triple seen).
            Graph union = dsg.getUnionGraph();
            for (Node p : add.predicates()) {
                union.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> add.accept(Quad.create(Quad.defaultGraphIRI, t)));
            }
        }));
    }

    /**
     * Builds the text index of a build from its N-Quads dump, as {@link #indexText(DatasetGraph,
     * Path)} does from its database, reading only the quads of {@code graphs} (those the database
     * stores). It needs no database, so it can run while TDB2 is still building its indexes. It
     * gives the same index when no indexed statement is in two of those graphs ({@link
     * #indexedStatementInTwoGraphs}).
     *
     * @return the number of entries indexed
     */
    public long indexText(Path nquads, Set<Node> graphs, Path build) {
        return index(build, add -> {
            // N-Quads is one statement per line: only the lines that name an indexed predicate
            // (about one in ten) go to the parser, in batches.
            List<String> wanted = add.predicates().stream().map(p -> " <" + p.getURI() + "> ").toList();
            StreamRDF sink = new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    if (add.predicates().contains(q.getPredicate()) && graphs.contains(q.getGraph())) {
                        add.accept(Quad.create(Quad.defaultGraphIRI, q.asTriple()));
                    }
                }
            };
            StringBuilder batch = new StringBuilder();
            try (BufferedReader in = Files.newBufferedReader(nquads)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    for (String p : wanted) {
                        if (line.contains(p)) {
                            batch.append(line).append('\n');
                            break;
                        }
                    }
                    if (batch.length() > 1 << 20) parse(batch, sink);
                }
                parse(batch, sink);
            } catch (IOException e) {
                throw new KgException("cannot read " + nquads + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Whether a statement of an indexed predicate is in two graphs of {@code dsg} (then the index
     * made from a dump would hold it twice, the one made from the database once). Read in TDB2's
     * ids, in the order of its predicate-first index, where the copies of a statement in several
     * graphs come one after the other: no node is decoded. True, to be safe, for a database that
     * is not TDB2.
     */
    public boolean indexedStatementInTwoGraphs(DatasetGraph dsg) {
        if (!TDBInternal.isTDB2(dsg)) return true;
        Set<Node> predicates = indexedPredicates((EntityDefinition) Assembler.general().open(one(model, TextVocab.entityMap)));
        NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        return Txn.calculateRead(dsg, () -> {
            for (Node p : predicates) {
                // tuples of graph, subject, predicate, object
                Iterator<Tuple<NodeId>> found = quads.findAsNodeIds(Node.ANY, Node.ANY, p, Node.ANY);
                Tuple<NodeId> last = null;
                while (found != null && found.hasNext()) {
                    Tuple<NodeId> t = found.next();
                    if (last != null && t.get(1).equals(last.get(1)) && t.get(3).equals(last.get(3))) return true;
                    last = t;
                }
            }
            return false;
        });
    }

    private static void parse(StringBuilder nquads, StreamRDF sink) {
        // blank nodes keep the labels the dump wrote (the database's), as the index names its subjects
        RDFParser.fromString(nquads.toString(), Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded()).parse(sink);
        nquads.setLength(0);
    }

    /** What a source of statements gives the text index: the predicates it wants, and each statement of them. */
    private interface TextEntries extends Consumer<Quad> {
        Set<Node> predicates();
    }

    /** The predicates whose literal values the entity map indexes. */
    private static Set<Node> indexedPredicates(EntityDefinition def) {
        Set<Node> predicates = new LinkedHashSet<>();
        for (String field : def.fields()) predicates.addAll(def.getPredicates(field));
        return predicates;
    }

    /** Makes a new text index in the build (removing any there) from what {@code source} gives. */
    private long index(Path build, Consumer<TextEntries> source) {
        Path folder = build.resolve(Store.TEXT);
        Store.deleteQuietly(folder);
        if (Files.exists(folder)) throw new KgException("cannot remove the text index in " + folder + " to make it again");
        Model m = forBuild(build);
        TextIndex index = (TextIndex) Assembler.general().open(one(m, TextVocab.textIndexLucene));
        EntityDefinition def = index.getDocDef();
        Set<Node> predicates = indexedPredicates(def);
        long[] count = {0};
        try {
            source.accept(new TextEntries() {
                @Override
                public Set<Node> predicates() { return predicates; }

                @Override
                public void accept(Quad q) {
                    if (!q.getObject().isLiteral()) return;
                    Entity e = TextQueryFuncs.entityFromQuad(def, q);
                    if (e != null) {
                        index.addEntity(e);
                        count[0]++;
                    }
                }
            });
            index.prepareCommit();
            index.commit();
        } catch (RuntimeException e) {
            index.rollback();
            throw e;
        } finally {
            index.close();
        }
        return count[0];
    }

    private Resource one(Resource type, String what) {
        return one(model, type, what);
    }

    private Resource one(Model m, Resource type) {
        return one(m, type, type.getLocalName());
    }

    private Resource one(Model m, Resource type, String what) {
        List<Resource> found = m.listResourcesWithProperty(RDF.type, type).toList();
        if (found.size() != 1) {
            throw new KgException(file + ": expected exactly one " + what + ", found " + found.size());
        }
        return found.get(0);
    }

    private static void replace(Model m, Resource s, Property p, RDFNode value) {
        List<Statement> old = m.listStatements(s, p, (RDFNode) null).toList();
        m.remove(old);
        m.add(s, p, value);
    }
}
