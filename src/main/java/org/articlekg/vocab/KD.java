package org.articlekg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Terms of the declarations of {@code ontology/kinds.ttl}, namespace {@value #NS}: how each CSV
 * file of {@code data/} is read and mapped to RDF. Documented in {@code ontology/README.md}.
 */
public final class KD {
    private KD() {}

    public static final String NS = "https://w3id.org/article-kg/kinds#";

    private static Resource resource(String local) { return ResourceFactory.createResource(NS + local); }

    private static Property property(String local) { return ResourceFactory.createProperty(NS + local); }

    // Roles of a file
    public static final Resource ArticleKind = resource("ArticleKind");
    public static final Resource EntityKind = resource("EntityKind");
    public static final Resource FactKind = resource("FactKind");
    public static final Resource EvidenceKind = resource("EvidenceKind");

    // Value types
    public static final Resource Slug = resource("Slug");
    public static final Resource ArticleId = resource("ArticleId");
    public static final Resource Text = resource("Text");
    public static final Resource TextList = resource("TextList");
    public static final Resource Date = resource("Date");
    public static final Resource Decimal = resource("Decimal");
    public static final Resource Currency = resource("Currency");
    public static final Resource Language = resource("Language");
    public static final Resource Concept = resource("Concept");
    public static final Resource Class = resource("Class");
    public static final Resource Ref = resource("Ref");
    public static final Resource Refs = resource("Refs");

    /** The language of a text column is the row's {@code language} cell. */
    public static final Resource RowLanguage = resource("RowLanguage");
    /** A reference to any fact or entity (the {@code fact} column of evidence). */
    public static final Resource AnyFactOrEntity = resource("AnyFactOrEntity");

    // A file
    public static final Property file = property("file");
    public static final Property klass = property("class");
    public static final Property columns = property("columns");
    /** Each member of a kind's {@link #columns} list: written by the build, so a query needs no list path. */
    public static final Property column = property("column");
    public static final Property shortcut = property("shortcut");
    public static final Property edge = property("edge");
    public static final Property label = property("label");
    public static final Property weight = property("weight");

    // A column
    public static final Property name = property("name");
    public static final Property type = property("type");
    public static final Property required = property("required");
    public static final Property property = property("property");
    public static final Property precisionProperty = property("precisionProperty");
    public static final Property language = property("language");
    public static final Property scheme = property("scheme");
    public static final Property values = property("values");
    public static final Property options = property("options");
    /** Each member of a class column's {@link #options} list: written by the build, as {@link #column}. */
    public static final Property option = property("option");
    public static final Property value = property("value");
    public static final Property means = property("means");
    public static final Property references = property("references");
    public static final Property compared = property("compared");
    public static final Property identifiesEvent = property("identifiesEvent");
    public static final Property qualifier = property("qualifier");
    public static final Property unit = property("unit");
    public static final Property upperBound = property("upperBound");
    public static final Property notBefore = property("notBefore");
    public static final Property disjointFrom = property("disjointFrom");
    public static final Property requiredWith = property("requiredWith");
    public static final Property alsoAllowed = property("alsoAllowed");
    public static final Property maxLength = property("maxLength");

    // A shortcut or edge
    public static final Property from = property("from");
    public static final Property to = property("to");
}
