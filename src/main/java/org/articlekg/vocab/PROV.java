package org.articlekg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The few terms of W3C PROV-O ({@value #NS}) that the loaders write. */
public final class PROV {
    private PROV() {}

    public static final String NS = "http://www.w3.org/ns/prov#";

    public static final Node wasDerivedFrom = NodeFactory.createURI(NS + "wasDerivedFrom");
}
