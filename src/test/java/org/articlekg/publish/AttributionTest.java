package org.articlekg.publish;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.articlekg.vocab.AKG;
import org.junit.jupiter.api.Test;

/** Who says what an evidence node records, and the dates pages print. */
class AttributionTest {
    private static final Node FACTS = NodeFactory.createURI("http://example.org/graph/facts");
    private static final Node MUSK = NodeFactory.createURI("http://example.org/id/person/elon-musk");

    private static Node evidence(DatasetGraph dsg, String id, String mode, Node saidBy, Node channel) {
        Node ev = NodeFactory.createURI("http://example.org/id/evidence/" + id);
        dsg.add(FACTS, ev, AKG.attributionMode, AKG.concept("attribution-mode", mode));
        if (saidBy != null) dsg.add(FACTS, ev, AKG.saidBy, saidBy);
        if (channel != null) dsg.add(FACTS, ev, AKG.channel, channel);
        return ev;
    }

    @Test
    void theArticlesOwnReportingIsEstablished() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        Attribution a = Attribution.of(dsg, FACTS, evidence(dsg, "a", "reported", null, null));
        assertTrue(a.articleReports());
        assertFalse(a.notEstablished());
        assertEquals("the article reports", a.lead());
    }

    @Test
    void anAttributedStatementNamesWhoAndHow() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        Node tweet = AKG.concept("channel", "tweet");
        Attribution a = Attribution.of(dsg, FACTS, evidence(dsg, "b", "attributed", MUSK, tweet));
        assertEquals(java.util.List.of(MUSK), a.saidBy());
        assertEquals(tweet, a.channel());
        assertEquals("according to", a.lead());
        assertFalse(a.notEstablished());
    }

    @Test
    void allegationsAndSpeculationAreNotEstablished() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        Attribution allegation = Attribution.of(dsg, FACTS, evidence(dsg, "c", "allegation", MUSK, AKG.concept("channel", "court-filing")));
        assertTrue(allegation.notEstablished());
        assertEquals("alleged by", allegation.lead());
        Attribution someone = Attribution.of(dsg, FACTS, evidence(dsg, "d", "speculation", MUSK, null));
        assertTrue(someone.notEstablished());
        assertEquals("according to", someone.lead());
        Attribution article = Attribution.of(dsg, FACTS, evidence(dsg, "e", "speculation", null, null));
        assertTrue(article.notEstablished());
        assertEquals("the article speculates", article.lead());
    }

    @Test
    void evidenceWithoutAModeIsTheArticlesReporting() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        Attribution a = Attribution.of(dsg, FACTS, NodeFactory.createURI("http://example.org/id/evidence/none"));
        assertNull(a.mode());
        assertFalse(a.notEstablished());
        assertEquals("the article reports", a.lead());
    }

    @Test
    void reportedDatesReadAsPeopleWriteThem() {
        assertEquals("2024", Pages.readableDate("2024"));
        assertEquals("March 2024", Pages.readableDate("2024-03"));
        assertEquals("30 December 2024", Pages.readableDate("2024-12-30"));
        assertEquals("not-a-date", Pages.readableDate("not-a-date"));
    }
}
