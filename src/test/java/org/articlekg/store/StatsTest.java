package org.articlekg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.articlekg.DataFixture;
import org.articlekg.build.GraphBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures of a build, read from its TDB2 database (a small fixture built with the real ontology). */
class StatsTest {
    @TempDir Path tmp;

    @Test
    void statsCountInstancesPerClassFactsPerArticleAndListDisagreements() {
        Path data = DataFixture.minimal()
                .append("articles.csv", "001_bbbb,Second article,,,2023,stated,fr,")
                .fact("investments.csv", "claim-a,ev,acme,ngo,100,,USD,2019,,funding,completed,", "Acme a investi 100")
                .fact("investments.csv", "claim-b,ev,acme,ngo,200,,USD,2019,,funding,completed,", "Acme a investi 200")
                .fact("releases.csv", "widget-launch,,widget,acme,launch,2020,,", "Acme lance Widget")
                .append("evidence.csv", "widget-launch,001_bbbb,Widget est lancé")
                .writeTo(tmp.resolve("data"));
        Store store = new Store(tmp.resolve("var"));
        GraphBuilder.create().dataDir(data).ontologyDir(Path.of("ontology")).base(DataFixture.BASE).build().buildInto(store);

        Stats stats = Stats.of(store.requireCurrent());
        Map<String, Long> perClass = stats.perClass();
        assertEquals(2L, perClass.get("Investment"));
        assertEquals(1L, perClass.get("Release"));
        assertEquals(3L, perClass.get("Fact"), "inferred super-class instances are counted");
        assertEquals(2L, perClass.get("Organization"), "acme (Company) and ngo (Nonprofit)");
        assertEquals(4L, perClass.get("Evidence"));
        assertEquals(1L, perClass.get("Disagreement"));
        List<Long> counts = List.copyOf(perClass.values());
        for (int i = 1; i < counts.size(); i++) assertTrue(counts.get(i - 1) >= counts.get(i), "largest first: " + perClass);
        assertEquals(Map.of("000_aaaa", 3L, "001_bbbb", 1L), stats.perArticle());
        assertEquals(1, stats.disagreements().size());
        assertTrue(stats.disagreements().get(0).startsWith("Articles disagree (amount)"), stats.disagreements()::toString);
    }
}
