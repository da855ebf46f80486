package org.articlekg.load;

/**
 * The kinds of CSV file in {@code data/}: one file per kind, named {@link #fileName()}, whose rows
 * become resources under {@code {base}id/{segment}/{id}}.
 */
public enum Kind {
    ARTICLE("articles.csv", "article", false),
    PERSON("persons.csv", "person", false),
    ORGANIZATION("organizations.csv", "organization", false),
    PRODUCT("products.csv", "product", false),
    FOUNDING("foundings.csv", "founding", true),
    ROLE("roles.csv", "role", true),
    INVESTMENT("investments.csv", "investment", true),
    LAWSUIT("lawsuits.csv", "lawsuit", true),
    PROPOSAL("proposals.csv", "proposal", true),
    DEPARTURE("departures.csv", "departure", true),
    OBSERVATION("observations.csv", "observation", true),
    RELEASE("releases.csv", "release", true),
    EVIDENCE("evidence.csv", "evidence", false);

    private final String fileName;
    private final String segment;
    private final boolean fact;

    Kind(String fileName, String segment, boolean fact) {
        this.fileName = fileName;
        this.segment = segment;
        this.fact = fact;
    }

    public String fileName() { return fileName; }

    /** The IRI path segment: {@code {base}id/{segment}/{id}}. */
    public String segment() { return segment; }

    /** Whether rows are claims (statements) that need evidence. */
    public boolean isFact() { return fact; }

    /** The word users read in messages: "person", "organization". */
    public String noun() { return segment; }
}
