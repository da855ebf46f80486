package org.articlekg.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Figures about a built graph: instances per class, facts per article, disagreements and refinements.
 *
 * @param perClass instances of each ontology class (asserted or inferred), largest first
 * @param perArticle facts each article reports, by article id
 * @param disagreements the label of each disagreement
 * @param refinements each claim that refines another of its event, as "finer  refines  coarser" by their labels
 */
public record Stats(Map<String, Long> perClass, Map<String, Long> perArticle, List<String> disagreements,
                    List<String> refinements) {
    private static final String PREFIXES = """
            PREFIX akg: <https://w3id.org/article-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    /** Reads the figures of a build folder's database. */
    public static Stats of(Path build) {
        DatasetGraph dsg = Store.openBuild(build, () -> DatabaseMgr.connectDatasetGraph(build.resolve(Store.TDB2).toString()));
        try {
            return Txn.calculateRead(dsg, () -> read(query -> QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg))
                    .query(query).set(TDB2.symUnionDefaultGraph, true).build()));
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /**
     * Asks a SPARQL endpoint for the figures, e.g. the one of a running {@code kg serve}, whose
     * default graph is the union of the build's graphs.
     */
    public static Stats fromEndpoint(String endpoint) {
        return read(query -> QueryExecution.service(endpoint).query(query).build());
    }

    private static Stats read(Function<String, QueryExecution> exec) {
        Function<String, QueryExecution> prefixed = q -> exec.apply(PREFIXES + q);
        return new Stats(
                counts(prefixed, "SELECT ?key (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c . FILTER(STRSTARTS(STR(?c), STR(akg:))) "
                        + "BIND(STRAFTER(STR(?c), '#') AS ?key) } GROUP BY ?key ORDER BY DESC(?n) ?key"),
                counts(prefixed, "SELECT ?key (COUNT(DISTINCT ?f) AS ?n) { ?f akg:reportedIn ?a . ?f a akg:Fact . "
                        + "BIND(STRAFTER(STR(?a), '/id/article/') AS ?key) } GROUP BY ?key ORDER BY ?key"),
                labels(prefixed, "SELECT ?label { ?d a akg:Disagreement ; rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), 'en')) } "
                        + "ORDER BY ?label"),
                labels(prefixed, "SELECT ?label { ?finer akg:refines ?coarser . ?finer rdfs:label ?f . ?coarser rdfs:label ?c "
                        + "FILTER(LANGMATCHES(LANG(?f), 'en') && LANGMATCHES(LANG(?c), 'en')) "
                        + "BIND(CONCAT(STR(?f), '  refines  ', STR(?c)) AS ?label) } ORDER BY ?label"));
    }

    private static Map<String, Long> counts(Function<String, QueryExecution> exec, String query) {
        Map<String, Long> m = new LinkedHashMap<>();
        try (QueryExecution qe = exec.apply(query)) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                m.put(s.getLiteral("key").getString(), s.getLiteral("n").getLong());
            }
        }
        return m;
    }

    private static List<String> labels(Function<String, QueryExecution> exec, String query) {
        List<String> l = new ArrayList<>();
        try (QueryExecution qe = exec.apply(query)) {
            qe.execSelect().forEachRemaining(s -> l.add(s.getLiteral("label").getString()));
        }
        return l;
    }
}
