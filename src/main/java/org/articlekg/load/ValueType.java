package org.articlekg.load;

/** How a cell is read and checked. See {@code data/README.md} for the forms users write. */
public enum ValueType {
    /** A row id: {@code [a-z0-9]+(-[a-z0-9]+)*}. */
    SLUG,
    /** An article id: the corpus file stem. */
    ARTICLE_ID,
    /** Free text. */
    TEXT,
    /** Several texts separated by {@code |}. */
    TEXT_LIST,
    /** An ISO 8601 date at year, month or day precision: {@link PartialDate}. */
    DATE,
    /** A decimal number, {@code .} as separator, no grouping, not negative. */
    DECIMAL,
    /** An ISO 4217 currency code (or one of the column's other allowed values). */
    CURRENCY,
    /** A BCP 47 language tag. */
    LANGUAGE,
    /** One of a column's allowed values, written as the node it stands for (a concept or a class). */
    ENUM,
    /** The id of a row of one of the column's target kinds. */
    REF,
    /** Several such ids separated by {@code |}. */
    REFS;

    /** Whether a cell holds several values separated by {@code |}. */
    public boolean isList() { return this == TEXT_LIST || this == REFS; }

    /** Whether a cell names rows by id. */
    public boolean isReference() { return this == REF || this == REFS; }
}
