package org.articlekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.articlekg.load.PartialDate.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {
    @ParameterizedTest
    @CsvSource({"2018,YEAR", "2018-03,MONTH", "2019-03-11,DAY", "2020-02-29,DAY", "0999,YEAR"})
    void precisionIsReadFromTheForm(String text, Precision precision) {
        PartialDate d = PartialDate.parseOrNull(text);
        assertEquals(precision, d.precision());
        assertEquals(text, d.iso());
        assertEquals(text, d.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-13", "2018-00", "2018-02-30", "2019-02-29", "2018-04-31", "18/03/2018", "2018-3",
            "2018-03-1", "201", "20180", "2018-", "2018-03-", "2018/03", "2018-03-11T00:00", " 2018", "2018 ", "",
            "mars 2018", "+2018", "-2018", "2018-W10", "２０１８"})
    void invalidDatesAreNotParsed(String text) {
        assertNull(PartialDate.parseOrNull(text), () -> "'" + text + "' should not parse");
    }

    @Test
    void constructorRefusesAPrecisionThatIsNotTheForms() {
        assertThrows(IllegalArgumentException.class, () -> new PartialDate("2018", Precision.MONTH));
        assertThrows(IllegalArgumentException.class, () -> new PartialDate("2018-03-11", Precision.YEAR));
        assertThrows(IllegalArgumentException.class, () -> new PartialDate("2018-13", Precision.MONTH));
        assertThrows(IllegalArgumentException.class, () -> new PartialDate(null, Precision.YEAR));
        assertEquals(PartialDate.parseOrNull("2018-03"), new PartialDate("2018-03", Precision.MONTH));
    }

    @ParameterizedTest
    @CsvSource({
            "2019,2019-03-11,false", "2019-03-11,2019,false", "2019,2019,false", "2019-03,2019-03-31,false",
            "2017,2018,true", "2018,2017-12-31,true", "2019-03,2019-04,true", "2019-03,2019-04-01,true",
            "2019-03-11,2019-03-12,true", "2019-03-11,2019-03-11,false", "2019-12,2019,false"})
    void datesConflictWhenTheyDifferAtTheCoarserPrecision(String a, String b, boolean conflict) {
        PartialDate x = PartialDate.parseOrNull(a);
        PartialDate y = PartialDate.parseOrNull(b);
        assertEquals(conflict, x.conflictsWith(y), a + " vs " + b);
        assertEquals(conflict, y.conflictsWith(x), "symmetric: " + b + " vs " + a);
    }

    @ParameterizedTest
    @CsvSource({"2018,http://www.w3.org/2001/XMLSchema#gYear", "2018-03,http://www.w3.org/2001/XMLSchema#gYearMonth",
            "2019-03-11,http://www.w3.org/2001/XMLSchema#date"})
    void nodeIsATypedLiteralOfThePrecisionsDatatype(String text, String datatype) {
        Node n = PartialDate.parseOrNull(text).toNode();
        assertEquals(text, n.getLiteralLexicalForm());
        assertEquals(datatype, n.getLiteralDatatypeURI());
        assertEquals(true, n.getLiteralDatatype().isValid(n.getLiteralLexicalForm()), "a valid " + datatype);
    }

    @Test
    void precisionIdsAreTheConceptNames() {
        assertEquals("year", Precision.YEAR.id());
        assertEquals("month", Precision.MONTH.id());
        assertEquals("day", Precision.DAY.id());
        assertEquals(XSDDatatype.XSDgYear.getURI(), PartialDate.parseOrNull("1999").toNode().getLiteralDatatypeURI());
    }
}
