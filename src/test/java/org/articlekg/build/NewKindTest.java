package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.articlekg.DataFixture;
import org.articlekg.load.FactModel;
import org.articlekg.load.InvalidInputException;
import org.articlekg.load.Iris;
import org.articlekg.publish.Explorer;
import org.articlekg.publish.Pages;
import org.articlekg.query.Answers;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.ResultFormat;
import org.articlekg.store.Store;
import org.articlekg.vocab.AKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that a kind of fact is declared once, as data: a new kind (an acquisition) added with
 * nothing but its declaration in kinds.ttl, its ontology terms and a CSV file is checked with
 * located errors, loaded, validated by SHACL, shown on entity pages, drawn in the explorer,
 * exported as edges, counted in VoID and found by the saved queries that list facts, with no
 * change to the code.
 */
class NewKindTest {
    static final String BASE = "http://localhost:3030/";

    @TempDir Path tmp;

    /** The ontology folder plus a kind's declaration (appended to kinds.ttl) and its terms (to article-kg.ttl). */
    private Path ontologyWith(String kind, String terms) throws IOException {
        Path dir = DataFixture.copyTree(Path.of("ontology"), tmp.resolve("ontology"));
        Files.writeString(dir.resolve("kinds.ttl"), kind, StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("article-kg.ttl"), terms, StandardOpenOption.APPEND);
        return dir;
    }

    /** The ontology folder plus the acquisition kind and its terms. */
    private Path ontology() throws IOException {
        return ontologyWith("""

                kd:acquisition a kd:FactKind ;
                    kd:file "acquisitions.csv" ;
                    kd:class akg:Acquisition ;
                    kd:label "{{buyer}} acquires {{acquired}}{{#price}} for {{price}}{{/price}}{{#date}} ({{date}}){{/date}}"@en ,
                             "{{buyer}} rachète {{acquired}}{{#price}} pour {{price}}{{/price}}{{#date}} ({{date}}){{/date}}"@fr ;
                    kd:columns (
                        [ kd:name "buyer" ; kd:type kd:Ref ; kd:references kd:organization ; kd:required true ;
                          kd:property akg:buyer ; kd:identifiesEvent true ]
                        [ kd:name "acquired" ; kd:type kd:Ref ; kd:references kd:organization, kd:product ; kd:required true ;
                          kd:property akg:acquiredThing ; kd:identifiesEvent true ; kd:disjointFrom "buyer" ]
                        [ kd:name "price" ; kd:type kd:Decimal ; kd:property akg:amount ; kd:compared true ; kd:unit "currency" ]
                        [ kd:name "currency" ; kd:type kd:Currency ; kd:property akg:currency ; kd:compared true ; kd:requiredWith "price" ]
                        [ kd:name "date" ; kd:type kd:Date ; kd:property akg:date ; kd:precisionProperty akg:datePrecision ; kd:compared true ]
                        [ kd:name "status" ; kd:type kd:Concept ; kd:scheme akg:StatusScheme ; kd:required true ;
                          kd:property akg:status ; kd:compared true ; kd:values ( "proposed" "completed" ) ]
                    ) ;
                    kd:shortcut [ kd:from "buyer" ; kd:property akg:acquired ; kd:to "acquired" ] .
                """, """

                akg:Acquisition a owl:Class ; rdfs:subClassOf akg:Fact ;
                    rdfs:label "Acquisition"@en, "Rachat"@fr ; rdfs:comment "An organisation buys another, or a product."@en .
                akg:buyer a owl:ObjectProperty ; rdfs:label "buyer"@en, "acheteur"@fr .
                akg:acquiredThing a owl:ObjectProperty ; rdfs:label "acquired"@en, "racheté"@fr .
                akg:acquired a owl:ObjectProperty ; rdfs:label "acquired"@en, "a racheté"@fr .
                """);
    }

    /** The real data plus acquisitions.csv and its evidence. */
    private Path data(String row) throws IOException {
        Path dir = DataFixture.copyTree(Path.of("data"), tmp.resolve("data"));
        Files.writeString(dir.resolve("acquisitions.csv"), "id,event,buyer,acquired,price,currency,date,status,note\n" + row + "\n");
        Files.writeString(dir.resolve("evidence.csv"),
                "microsoft-buys-openai-lp,003_f4fcdda49106cae1,Microsoft a racheté OpenAI LP,,,\n", StandardOpenOption.APPEND);
        return dir;
    }

    private GraphBuilder builder(Path data) throws IOException {
        return GraphBuilder.create().dataDir(data).ontologyDir(ontology()).corpus(null).base(BASE).build();
    }

    @Test
    void aBadRowOfTheNewKindIsReportedWithItsFileLineAndColumn() throws IOException {
        Path data = data("microsoft-buys-openai-lp,,microsoft,microsoft,10.5,,2019,done,");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> builder(data).validate());
        String m = String.join("\n", e.problems().stream().map(Object::toString).toList());
        String file = data.resolve("acquisitions.csv").toString();
        assertTrue(m.contains(file + ":2:8 [status] 'done': not an allowed value; use 'proposed' or 'completed'"), m);
        assertTrue(m.contains(file + ":2:6 [currency] '': currency is required when price is given"), m);
        assertTrue(m.contains(file + ":2:4 [acquired] 'microsoft': is in both buyer and acquired"), m);
    }

    @Test
    void theNewKindIsLoadedValidatedShownDrawnExportedAndCounted() throws IOException {
        Path data = data("microsoft-buys-openai-lp,,microsoft,openai-lp,10000000000,USD,2019,completed,");
        Path ontology = ontology();
        // SHACL: the kind's shapes are made from its declaration
        Node acquisition = NodeFactory.createURI(AKG.NS + "Acquisition");
        assertTrue(Ontology.read(ontology).shapes().contains(Node.ANY, SHACL.targetClass, acquisition));

        BuildReport built = GraphBuilder.create().dataDir(data).ontologyDir(ontology).corpus(null).base(BASE).build()
                .buildInto(new Store(tmp.resolve("store")));
        assertEquals(1, built.load().rows().entrySet().stream().filter(e -> e.getKey().name().equals("acquisition"))
                .findFirst().orElseThrow().getValue());

        Iris iris = new Iris(BASE);
        Node claim = NodeFactory.createURI(BASE + "id/acquisition/microsoft-buys-openai-lp");
        Node microsoft = NodeFactory.createURI(BASE + "id/organization/microsoft");
        Node openaiLp = NodeFactory.createURI(BASE + "id/organization/openai-lp");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(built.location().resolve(Store.TDB2).toString());
        dsg.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true); // as the server serves it
        try {
            Txn.executeRead(dsg, () -> {
                Node facts = iris.graph(Iris.FACTS_GRAPH);
                assertTrue(dsg.contains(facts, claim, NodeFactory.createURI(AKG.NS + "buyer"), microsoft));
                assertTrue(dsg.contains(facts, microsoft, NodeFactory.createURI(AKG.NS + "acquired"), openaiLp), "the shortcut");
                assertTrue(dsg.contains(facts, claim, AKG.event, iris.event("microsoft-buys-openai-lp")));
                assertTrue(dsg.contains(facts, claim, org.apache.jena.vocabulary.RDFS.label.asNode(),
                        NodeFactory.createLiteralLang("Microsoft acquires OpenAI LP for USD 10 billion (2019)", "en")));
                assertTrue(dsg.contains(iris.graph(Iris.INFERRED_GRAPH), claim, org.apache.jena.vocabulary.RDF.type.asNode(), AKG.Fact));
                // entity page, explorer
                String page = new Pages(dsg, iris).resource(microsoft);
                assertTrue(page.contains("Microsoft acquires OpenAI LP"), "the fact is on Microsoft's page");
                String json = Explorer.neighbourhood(dsg, iris, microsoft).toString();
                assertTrue(json.contains(AKG.NS + "acquired") || json.contains("\"acquired\""), json);
                // the saved queries that list facts: the new kind is one of single-source-facts' kinds
                QueryLibrary library = QueryLibrary.read(Path.of("queries"), FactModel.read(ontology));
                String csv = Answers.text(dsg, library.get("single-source-facts").bind(java.util.Map.of("kind", "acquisition")), ResultFormat.CSV);
                assertTrue(csv.contains("microsoft-buys-openai-lp") && csv.contains("Microsoft acquires OpenAI LP"), csv);
                assertTrue(Answers.text(dsg, library.get("article-facts").bind(java.util.Map.of("article", BASE + "id/article/003_f4fcdda49106cae1")),
                        ResultFormat.CSV).contains("microsoft-buys-openai-lp"));
            });
        } finally {
            TDBInternal.expel(dsg);
        }
        // exported as an edge, counted in VoID
        String gexf = Files.readString(built.location().resolve(Store.DUMPS).resolve("article-kg.gexf"));
        assertTrue(gexf.contains("acquired"), "GEXF has the acquired edge");
        String voidTtl = Files.readString(built.location().resolve(Store.VOID));
        assertTrue(voidTtl.contains("Acquisition"), "VoID has a class partition for the new kind");
    }

    @Test
    void twoKindsDeclaringTheSameShortcutGiveOneEdgeCountingTheArticlesOfBoth() throws IOException {
        // a second kind of fact (a pledge) declares akg:investedIn, as investments do: Microsoft's
        // pledge to OpenAI in article 001 joins its investments (articles 000, 002, 003, 004) on one edge
        Path ontology = ontologyWith("""

                kd:pledge a kd:FactKind ;
                    kd:file "pledges.csv" ;
                    kd:class akg:Pledge ;
                    kd:label "{{donor}} pledges to {{recipient}}"@en , "{{donor}} promet à {{recipient}}"@fr ;
                    kd:columns (
                        [ kd:name "donor" ; kd:type kd:Ref ; kd:references kd:organization ; kd:required true ;
                          kd:property akg:donor ; kd:identifiesEvent true ]
                        [ kd:name "recipient" ; kd:type kd:Ref ; kd:references kd:organization ; kd:required true ;
                          kd:property akg:recipient ; kd:identifiesEvent true ; kd:disjointFrom "donor" ]
                    ) ;
                    kd:shortcut [ kd:from "donor" ; kd:property akg:investedIn ; kd:to "recipient" ] .
                """, """

                akg:Pledge a owl:Class ; rdfs:subClassOf akg:Fact ;
                    rdfs:label "Pledge"@en, "Promesse"@fr ; rdfs:comment "An organisation promises money to another."@en .
                akg:donor a owl:ObjectProperty ; rdfs:label "donor"@en, "donateur"@fr .
                akg:recipient a owl:ObjectProperty ; rdfs:label "recipient"@en, "bénéficiaire"@fr .
                """);
        Path data = DataFixture.copyTree(Path.of("data"), tmp.resolve("data"));
        Files.writeString(data.resolve("pledges.csv"), "id,event,donor,recipient,note\nmicrosoft-pledges-openai,,microsoft,openai,\n");
        Files.writeString(data.resolve("evidence.csv"),
                "microsoft-pledges-openai,001_8fa3a84cf20fbdf3,Microsoft promet,,,\n", StandardOpenOption.APPEND);
        BuildReport built = GraphBuilder.create().dataDir(data).ontologyDir(ontology).corpus(null).base(BASE).build()
                .buildInto(new Store(tmp.resolve("store")));

        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(built.location().resolve(Store.TDB2).toString());
        dsg.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true); // as the server serves it
        try {
            String turtle = Txn.calculateRead(dsg, () -> Answers.text(dsg,
                    QueryLibrary.read(Path.of("queries"), FactModel.read(ontology)).get("entity-neighbourhood")
                            .bind(java.util.Map.of("entity", BASE + "id/organization/microsoft")),
                    ResultFormat.TURTLE));
            org.apache.jena.graph.Graph graph = org.apache.jena.riot.RDFParser.fromString(turtle, org.apache.jena.riot.Lang.TURTLE).toGraph();
            Node microsoft = NodeFactory.createURI(BASE + "id/organization/microsoft");
            Node openai = NodeFactory.createURI(BASE + "id/organization/openai");
            Node investedIn = NodeFactory.createURI(AKG.NS + "investedIn");
            java.util.List<Node> edges = graph.find(Node.ANY, org.apache.jena.vocabulary.RDF.subject.asNode(), microsoft)
                    .mapWith(org.apache.jena.graph.Triple::getSubject)
                    .filterKeep(e -> graph.contains(e, org.apache.jena.vocabulary.RDF.predicate.asNode(), investedIn)
                            && graph.contains(e, org.apache.jena.vocabulary.RDF.object.asNode(), openai))
                    .toList();
            assertEquals(1, edges.size(), "one reification node for Microsoft investedIn OpenAI: " + edges);
            Node count = graph.find(edges.get(0), NodeFactory.createURI(AKG.NS + "sourceCount"), Node.ANY).next().getObject();
            assertEquals(5, ((Number) count.getLiteralValue()).intValue(), "the articles of the investments and of the pledge");
        } finally {
            TDBInternal.expel(dsg);
        }
    }
}
