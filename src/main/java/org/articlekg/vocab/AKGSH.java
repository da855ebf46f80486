package org.articlekg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Terms of {@code ontology/shapes.ttl}'s own namespace, {@value #NS}, beside its shapes. Documented
 * in {@code ontology/README.md}.
 */
public final class AKGSH {
    private AKGSH() {}

    public static final String NS = "https://w3id.org/article-kg/shapes#";

    /**
     * On a property shape, {@code true}: the loader makes it hold for every row by construction,
     * so {@code kg build} leaves it out of its validation ({@code kg validate} and the tests check it).
     */
    public static final Property checkedWhileLoading = ResourceFactory.createProperty(NS + "checkedWhileLoading");
}
