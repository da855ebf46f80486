package org.articlekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts and dates in labels, as people write them in English and French. */
class LabelsTest {
    @Test
    void amountsAreWrittenWithTheirScaleWordAndCurrencyInEachLanguage() {
        assertEquals("USD 10 billion", Labels.amount(new BigDecimal("10000000000"), null, "USD", "en"));
        assertEquals("10 milliards USD", Labels.amount(new BigDecimal("10000000000"), null, "USD", "fr"));
        assertEquals("1 milliard USD", Labels.amount(new BigDecimal("1000000000"), null, "USD", "fr"));
        assertEquals("EUR 2.5 million", Labels.amount(new BigDecimal("2500000"), null, "EUR", "en"));
        assertEquals("2,5 millions EUR", Labels.amount(new BigDecimal("2500000"), null, "EUR", "fr"));
        assertEquals("USD 50 million – 100 million", Labels.amount(new BigDecimal("50000000"), new BigDecimal("100000000"), "USD", "en"));
    }

    @Test
    void figuresAreCutNotRoundedUpAndCountsNeedNoCurrency() {
        assertEquals("USD 999.99 million", Labels.amount(new BigDecimal("999999999"), null, "USD", "en"));
        assertEquals("250 million", Labels.amount(new BigDecimal("250000000"), null, "people", "en"));
        assertEquals("500", Labels.amount(new BigDecimal("500"), null, null, "en"));
    }

    @Test
    void datesAreWrittenAtTheirPrecision() {
        assertEquals("2019", Labels.date(PartialDate.parseOrNull("2019"), "fr"));
        assertEquals("March 2024", Labels.date(PartialDate.parseOrNull("2024-03"), "en"));
        assertEquals("mars 2024", Labels.date(PartialDate.parseOrNull("2024-03"), "fr"));
        assertEquals("11 mars 2019", Labels.date(PartialDate.parseOrNull("2019-03-11"), "fr"));
    }
}
