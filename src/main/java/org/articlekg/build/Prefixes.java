package org.articlekg.build;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;
import org.articlekg.load.Kind;
import org.articlekg.vocab.AKG;
import org.articlekg.vocab.PROV;

/** The prefixes written in dumps and offered to queries: the vocabularies, and one per kind of IRI. */
public final class Prefixes {
    private Prefixes() {}

    public static PrefixMapping of(Iris iris, FactModel model) {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("akg", AKG.NS);
        pm.setNsPrefix("kd", org.articlekg.vocab.KD.NS);
        pm.setNsPrefix("rdf", RDF.getURI());
        pm.setNsPrefix("rdfs", RDFS.getURI());
        pm.setNsPrefix("owl", OWL.getURI());
        pm.setNsPrefix("xsd", XSD.getURI());
        pm.setNsPrefix("skos", SKOS.getURI());
        pm.setNsPrefix("dcterms", DCTerms.getURI());
        pm.setNsPrefix("prov", PROV.NS);
        pm.setNsPrefix("schema", "https://schema.org/");
        pm.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        pm.setNsPrefix("org", "http://www.w3.org/ns/org#");
        for (Kind kind : model.kinds()) pm.setNsPrefix(kind.segment(), iris.idNamespace() + kind.segment() + "/");
        pm.setNsPrefix("event", iris.idNamespace() + "event/");
        pm.setNsPrefix("disagreement", iris.idNamespace() + "disagreement/");
        pm.setNsPrefix("graph", iris.base() + "graph/");
        return pm;
    }
}
