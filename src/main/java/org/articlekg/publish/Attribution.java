package org.articlekg.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.articlekg.vocab.AKG;

/**
 * Who says what an evidence node records: the article's own reporting (no {@code akg:saidBy}), or
 * the named persons and organisations it quotes, through a channel (a tweet, a court filing), in an
 * attribution mode. Allegations and speculation are what the articles do not establish; pages and
 * the explorer mark them.
 *
 * @param saidBy who makes the claim, empty when it is the article's own reporting
 * @param channel through what they said it, or null
 * @param mode the attribution mode (a concept of {@code akg:AttributionModeScheme}), or null
 */
record Attribution(List<Node> saidBy, Node channel, Node mode) {
    /** The modes that say the claim is not established by the article: allegation, speculation. */
    static final Node ALLEGATION = AKG.concept("attribution-mode", "allegation");
    static final Node SPECULATION = AKG.concept("attribution-mode", "speculation");
    static final Set<Node> NOT_ESTABLISHED = Set.of(ALLEGATION, SPECULATION);

    Attribution {
        saidBy = List.copyOf(saidBy);
    }

    /** The attribution of an evidence node, read from the facts graph. */
    static Attribution of(DatasetGraph dsg, Node factsGraph, Node evidence) {
        List<Node> by = new ArrayList<>();
        dsg.find(factsGraph, evidence, AKG.saidBy, Node.ANY).forEachRemaining(q -> by.add(q.getObject()));
        by.sort(java.util.Comparator.comparing(Node::toString));
        return new Attribution(by, first(dsg, factsGraph, evidence, AKG.channel), first(dsg, factsGraph, evidence, AKG.attributionMode));
    }

    private static Node first(DatasetGraph dsg, Node g, Node s, Node p) {
        var it = dsg.find(g, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /** Whether the article states the claim on its own account (nobody else is said to make it). */
    boolean articleReports() {
        return saidBy.isEmpty();
    }

    /** Whether the claim is an allegation or speculation, which the article does not establish. */
    boolean notEstablished() {
        return mode != null && NOT_ESTABLISHED.contains(mode);
    }

    /** The words that introduce who says it: "alleged by", "according to", or the article's own. */
    String lead() {
        if (articleReports()) return SPECULATION.equals(mode) ? "the article speculates" : "the article reports";
        return ALLEGATION.equals(mode) ? "alleged by" : "according to";
    }
}
