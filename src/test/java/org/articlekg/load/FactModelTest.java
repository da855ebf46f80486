package org.articlekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekg.DataFixture;
import org.articlekg.KgException;
import org.articlekg.vocab.AKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declarations of ontology/kinds.ttl as the code reads them, and the errors a bad declaration gets. */
class FactModelTest {
    @TempDir Path tmp;

    private static final FactModel MODEL = FactModel.read(Path.of("ontology"));

    @Test
    void theTwelveKindsOfFactOfTheCorpusAreDeclaredWithTheirFilesAndClasses() {
        assertEquals(List.of("access-withdrawal", "departure", "founding", "holding", "integration", "investment", "lawsuit",
                "observation", "proposal", "release", "role", "statement"),
                MODEL.facts().stream().map(t -> t.kind().name()).toList());
        assertEquals("investments.csv", MODEL.schema("investment").kind().fileName());
        assertEquals(AKG.Investment, MODEL.schema("investment").rdfClass());
        assertEquals(MODEL.schema("investment"), MODEL.factOfClass(AKG.Investment));
        assertEquals("articles.csv", MODEL.articles().kind().fileName());
        assertEquals("evidence.csv", MODEL.evidence().kind().fileName());
    }

    @Test
    void factFilesHaveIdEventAndNoteAroundTheirDeclaredColumns() {
        List<String> names = MODEL.schema("investment").columns().stream().map(Column::name).toList();
        assertEquals(List.of("id", "event", "investor", "investee", "amount", "amount_max", "currency", "date", "date_qualifier",
                "kind", "status", "note"), names);
    }

    @Test
    void conceptColumnsTakeTheConceptsOfTheirSchemeByNotationInTheDeclaredOrder() {
        Column status = MODEL.schema("investment").column("status");
        assertEquals(List.of("offered", "pledged", "completed", "partial", "rejected", "cancelled", "stopped"), List.copyOf(status.values().keySet()));
        assertEquals(AKG.concept("status", "completed"), status.values().get("completed"));
        assertEquals(AKG.concept("investment-kind", "cloud_credits"), MODEL.schema("investment").column("kind").values().get("cloud_credits"));
    }

    @Test
    void theConceptHierarchyComesFromSkosBroader() {
        assertTrue(MODEL.isNarrower(AKG.concept("legal-form", "capped_profit"), AKG.concept("legal-form", "for_profit")));
        assertTrue(MODEL.isNarrower(AKG.concept("title", "ceo"), AKG.concept("title", "head")));
        assertTrue(!MODEL.isNarrower(AKG.concept("legal-form", "for_profit"), AKG.concept("legal-form", "capped_profit")));
        assertEquals("à but lucratif plafonné", MODEL.label(AKG.concept("legal-form", "capped_profit"), "fr"));
    }

    @Test
    void entityClassesComeFromTheEntityKindsAndTheirTypeColumns() {
        assertTrue(MODEL.entityClasses().containsAll(List.of(AKG.Person, AKG.Company, AKG.Nonprofit, AKG.AIModel, AKG.Product)));
    }

    private KgException badDeclaration(String from, String to) throws IOException {
        Path dir = DataFixture.copyTree(Path.of("ontology"), Files.createTempDirectory(tmp, "ontology"));
        Path kinds = dir.resolve(FactModel.KINDS_FILE);
        String text = Files.readString(kinds);
        assertTrue(text.contains(from), from);
        Files.writeString(kinds, text.replace(from, to));
        return assertThrows(KgException.class, () -> FactModel.read(dir));
    }

    @Test
    void aColumnNamingAnUndeclaredColumnIsAnErrorNamingTheKindAndTheColumn() throws IOException {
        KgException e = badDeclaration("kd:unit \"currency\" ; kd:upperBound", "kd:unit \"currncy\" ; kd:upperBound");
        assertTrue(e.getMessage().contains("kinds.ttl: kd:investment: column 'amount' names column 'currncy', which is not declared"),
                e.getMessage());
    }

    @Test
    void aValueThatIsNoConceptOfTheSchemeIsAnError() throws IOException {
        KgException e = badDeclaration("\"offered\" \"pledged\"", "\"offered\" \"promised\"");
        assertTrue(e.getMessage().contains("value 'promised' is no skos:notation of a concept in"), e.getMessage());
    }

    @Test
    void anUnknownTypeAndAReferenceToAnUndeclaredKindAreErrors() throws IOException {
        assertTrue(badDeclaration("kd:name \"reason\" ; kd:type kd:Text", "kd:name \"reason\" ; kd:type kd:Prose")
                .getMessage().contains("column 'reason': unknown kd:type Prose"));
        // a type is a term of kd:, not any term with the same local name
        assertTrue(badDeclaration("kd:name \"reason\" ; kd:type kd:Text", "kd:name \"reason\" ; kd:type akg:Text")
                .getMessage().contains("column 'reason': unknown kd:type Text"));
        assertTrue(badDeclaration("kd:name \"product\" ; kd:type kd:Ref ; kd:references kd:product",
                "kd:name \"product\" ; kd:type kd:Ref ; kd:references kd:gadget").getMessage()
                .contains("column 'product' references https://w3id.org/article-kg/kinds#gadget, which is not a declared kind"));
    }

    @Test
    void aKindOfFactWithoutAnEnglishLabelTemplateIsAnError() throws IOException {
        KgException e = badDeclaration("\"{{product}}: {{kind}} by {{organization}}{{#date}} ({{date}}){{/date}}\"@en ,", "");
        assertTrue(e.getMessage().contains("kd:release: a kind of fact needs an English kd:label template"), e.getMessage());
    }
}
