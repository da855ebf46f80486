package org.articlekg.load;

import java.util.Objects;

/**
 * A kind of row in {@code data/}: one CSV file, whose rows become resources under
 * {@code {base}id/{name}/{id}}. Kinds are declared in {@code ontology/kinds.ttl} and read into a
 * {@link FactModel}; nothing in the code lists them.
 *
 * @param name the kind's name, also its IRI path segment: {@code investment}
 * @param fileName the CSV file: {@code investments.csv}
 * @param role what the rows are: articles, entities, facts (claims) or evidence
 */
public record Kind(String name, String fileName, Role role) {
    /** What the rows of a kind are; the loader treats each role its own way. */
    public enum Role { ARTICLE, ENTITY, FACT, EVIDENCE }

    public Kind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(role, "role");
    }

    /** The IRI path segment: {@code {base}id/{segment}/{id}}. */
    public String segment() { return name; }

    /** Whether rows are claims (statements) that need evidence. */
    public boolean isFact() { return role == Role.FACT; }

    /** The word users read in messages: "person", "organization". */
    public String noun() { return name; }

    @Override
    public String toString() { return name; }
}
