package org.articlekg.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.articlekg.load.PartialDate;
import org.articlekg.load.PartialDate.Precision;

/** Dates as the data files write them ({@code 2018}, {@code 2018-03}, {@code 2019-03-11}) and as articles say them. */
final class Dates {
    private Dates() {}

    static final LocalDate FIRST_ARTICLE = LocalDate.of(2015, 1, 1);
    static final LocalDate LAST_ARTICLE = LocalDate.of(2025, 12, 31);

    private static final List<String> MONTHS_EN = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    private static final List<String> MONTHS_FR = List.of("janvier", "février", "mars", "avril", "mai", "juin",
            "juillet", "août", "septembre", "octobre", "novembre", "décembre");

    /** A day written at a precision. */
    static String iso(LocalDate day, Precision precision) {
        String year = Integer.toString(day.getYear());
        return switch (precision) {
            case YEAR -> year;
            case MONTH -> year + "-" + twoDigits(day.getMonthValue());
            case DAY -> year + "-" + twoDigits(day.getMonthValue()) + "-" + twoDigits(day.getDayOfMonth());
        };
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /**
     * A date between {@code yearsBack} years before {@code latest} and {@code latest}, written
     * at year precision about half of the time, else month, sometimes day.
     */
    static String before(LocalDate latest, int yearsBack, SplittableRandom r) {
        LocalDate earliest = latest.minusYears(yearsBack);
        long span = latest.toEpochDay() - earliest.toEpochDay();
        LocalDate day = LocalDate.ofEpochDay(earliest.toEpochDay() + (span <= 0 ? 0 : r.nextLong(span + 1)));
        int p = r.nextInt(100);
        return iso(day, p < 50 ? Precision.YEAR : p < 85 ? Precision.MONTH : Precision.DAY);
    }

    /** The same date in another year, at the same precision (29 February becomes the 28th). */
    static String shiftYear(String iso, int years) {
        PartialDate d = PartialDate.parseOrNull(iso);
        if (d == null) throw new IllegalArgumentException("not a date: " + iso);
        LocalDate day = switch (d.precision()) {
            case YEAR -> LocalDate.of(Integer.parseInt(iso), 1, 1);
            case MONTH -> LocalDate.parse(iso + "-01");
            case DAY -> LocalDate.parse(iso);
        };
        return iso(day.plusYears(years), d.precision());
    }

    static int year(String iso) {
        return Integer.parseInt(iso.substring(0, 4));
    }

    /** How an article writes a date: {@code 2019}, {@code March 2019}, {@code 11 March 2019} (or in French). */
    static String words(String iso, boolean french) {
        List<String> months = french ? MONTHS_FR : MONTHS_EN;
        // The generator writes years of four digits, so the length tells the precision.
        return switch (iso.length()) {
            case 4 -> iso;
            case 7 -> months.get(Integer.parseInt(iso.substring(5, 7)) - 1) + " " + iso.substring(0, 4);
            default -> Integer.parseInt(iso.substring(8, 10)) + " " + months.get(Integer.parseInt(iso.substring(5, 7)) - 1)
                    + " " + iso.substring(0, 4);
        };
    }

    /**
     * The time phrase of a sentence: {@code in 2019}, {@code in early 2019}, {@code on 11 March 2019},
     * {@code before 2019}; in French {@code en 2019}, {@code début 2019}, {@code le 11 mars 2019}.
     */
    static String when(String iso, String qualifier, boolean french) {
        String w = words(iso, french);
        boolean day = iso.length() == 10;
        if (qualifier == null) {
            return french ? (day ? "le " : "en ") + w : (day ? "on " : "in ") + w;
        }
        return switch (qualifier) {
            case "early" -> french ? "début " + w : "in early " + w;
            case "mid" -> french ? "à la mi-" + w : "in mid-" + w;
            case "late" -> french ? "fin " + w : "in late " + w;
            case "before" -> french ? "avant " + w : "before " + w;
            case "after" -> french ? "après " + w : "after " + w;
            case "circa" -> french ? "vers " + w : "around " + w;
            default -> (french ? "en " : "in ") + w;
        };
    }
}
