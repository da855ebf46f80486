package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.articlekg.DataFixture;
import org.articlekg.load.FactModel;
import org.junit.jupiter.api.Test;

/** The SHACL shapes made from the declarations of each kind of fact. */
class DeclaredShapesTest {
    private static final Shapes SHAPES = Shapes.parse(DeclaredShapes.of(FactModel.read(Path.of("ontology"))));

    private static ValidationReport validate(String turtle) {
        Graph data = DataFixture.turtle("""
                @prefix akg: <https://w3id.org/article-kg/ontology#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix x: <http://example.org/id/> .
                x:acme a akg:Company . x:bob a akg:Person .
                """ + turtle);
        return ShaclValidator.get().validate(SHAPES, data);
    }

    @Test
    void aWellFormedInvestmentConforms() {
        assertTrue(validate("""
                x:i a akg:Investment ; akg:investor x:bob ; akg:investee x:acme ; akg:amount 10.0 ; akg:currency "USD" ;
                    akg:date "2019"^^xsd:gYear ; akg:investmentKind akg:investment-kind-equity ; akg:status akg:status-completed .
                """).conforms());
    }

    @Test
    void eachDeclaredRuleIsAShape() {
        ValidationReport r = validate("""
                x:i a akg:Investment ; akg:investee x:bob ; akg:amount "ten" ; akg:date "2019-13" ;
                    akg:investmentKind akg:status-completed ; akg:status akg:status-completed, akg:status-offered .
                """);
        assertFalse(r.conforms());
        List<String> paths = r.getEntries().stream().map(e -> e.resultPath().toString()).sorted().toList();
        // investor missing, investee not an organisation, amount not a decimal, date not a date,
        // kind not an investment kind, two statuses
        assertEquals(List.of("<https://w3id.org/article-kg/ontology#amount>", "<https://w3id.org/article-kg/ontology#date>",
                "<https://w3id.org/article-kg/ontology#investee>", "<https://w3id.org/article-kg/ontology#investmentKind>",
                "<https://w3id.org/article-kg/ontology#investor>", "<https://w3id.org/article-kg/ontology#status>"), paths);
        assertTrue(r.getEntries().stream().anyMatch(e -> e.message().contains("column investor of investments.csv")),
                () -> r.getEntries().toString());
    }
}
