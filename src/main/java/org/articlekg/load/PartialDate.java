package org.articlekg.load;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * A date known to a year, a month or a day, as the article gives it: {@code 2018},
 * {@code 2018-03}, {@code 2019-03-11}. Written in RDF as {@code xsd:gYear}, {@code xsd:gYearMonth}
 * or {@code xsd:date}.
 */
public record PartialDate(String iso, Precision precision) {
    /** How much of the date is known. */
    public enum Precision {
        YEAR(XSDDatatype.XSDgYear), MONTH(XSDDatatype.XSDgYearMonth), DAY(XSDDatatype.XSDdate);

        private final XSDDatatype datatype;

        Precision(XSDDatatype datatype) { this.datatype = datatype; }

        /** The CSV and concept name: {@code year}, {@code month}, {@code day}. */
        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (iso == null || precisionOf(iso) != precision) {
            throw new IllegalArgumentException("not a date at " + precision + " precision: " + iso);
        }
    }

    /** Parses a date, returning null when the text is not one (callers report it with its place). */
    public static PartialDate parseOrNull(String text) {
        Precision precision = precisionOf(text);
        return precision == null ? null : new PartialDate(text, precision);
    }

    private static Precision precisionOf(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return null;
        try {
            if (m.group(3) != null) {
                LocalDate.parse(text);
                return Precision.DAY;
            }
            if (m.group(2) != null) {
                YearMonth.parse(text);
                return Precision.MONTH;
            }
            return Precision.YEAR;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Whether two dates contradict each other: they differ at the coarser of their precisions
     * ({@code 2019} and {@code 2019-03-11} agree; {@code 2017} and {@code 2018} do not).
     */
    public boolean conflictsWith(PartialDate other) {
        int len = Math.min(iso.length(), other.iso.length());
        return !iso.substring(0, len).equals(other.iso.substring(0, len));
    }

    /** The typed literal: {@code "2018"^^xsd:gYear}. */
    public Node toNode() {
        return NodeFactory.createLiteralDT(iso, precision.datatype);
    }

    @Override
    public String toString() { return iso; }
}
