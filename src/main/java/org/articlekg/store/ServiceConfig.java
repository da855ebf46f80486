package org.articlekg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.assembler.Assembler;
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
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.assembler.VocabTDB2;
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
     * entity map names, once per subject and value.
     *
     * @return the number of entries indexed
     */
    public long indexText(DatasetGraph dsg, Path build) {
        Model m = forBuild(build);
        TextIndex index = (TextIndex) Assembler.general().open(one(m, TextVocab.textIndexLucene));
        EntityDefinition def = index.getDocDef();
        long[] count = {0};
        try {
            Txn.executeRead(dsg, () -> {
                // The union graph gives each triple once, whichever graphs hold it (TDB2 drops
                // repeats as they come in index order, instead of remembering every triple seen).
                Graph union = dsg.getUnionGraph();
                for (String field : def.fields()) {
                    for (Node p : def.getPredicates(field)) {
                        union.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                            if (!t.getObject().isLiteral()) return;
                            Entity e = TextQueryFuncs.entityFromQuad(def, Quad.create(Quad.defaultGraphIRI, t));
                            if (e != null) {
                                index.addEntity(e);
                                count[0]++;
                            }
                        });
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
