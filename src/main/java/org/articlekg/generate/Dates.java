package org.articlekg.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.articlekg.load.PartialDate;
import org.articlekg.load.PartialDate.Precision;

/** Dates as the data files write them: {@code 2018}, {@code 2018-03}, {@code 2019-03-11}. */
final class Dates {
    private Dates() {}

    static final LocalDate FIRST_ARTICLE = LocalDate.of(2015, 1, 1);
    static final LocalDate LAST_ARTICLE = LocalDate.of(2025, 12, 31);

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

    private static int year(String iso) {
        return Integer.parseInt(iso.substring(0, 4));
    }

    /**
     * A date that is not before {@code start}: in one of the six years after it, no later than
     * {@code latest}, at year or month precision; null when {@code start} is in {@code latest}'s year.
     */
    static String notBefore(String start, LocalDate latest, SplittableRandom r) {
        int startYear = year(start);
        if (startYear >= latest.getYear()) return null;
        int endYear = Math.min(latest.getYear(), startYear + 1 + r.nextInt(6));
        return endYear < latest.getYear() && r.nextBoolean() ? endYear + "-" + twoDigits(1 + r.nextInt(12)) : Integer.toString(endYear);
    }

    /**
     * A finer date inside the period of {@code iso} and no later than {@code latest}: a month or a
     * day of a year, a day of a month ({@code 2019} → {@code 2019-03-11}); null when {@code iso} is
     * a day or its period starts after {@code latest}.
     */
    static String inside(String iso, LocalDate latest, SplittableRandom r) {
        PartialDate d = PartialDate.parseOrNull(iso);
        if (d == null || d.precision() == Precision.DAY) return null;
        LocalDate first = d.precision() == Precision.YEAR ? LocalDate.of(year(iso), 1, 1) : LocalDate.parse(iso + "-01");
        LocalDate last = d.precision() == Precision.YEAR ? first.plusYears(1).minusDays(1) : first.plusMonths(1).minusDays(1);
        if (latest.isBefore(last)) last = latest;
        if (last.isBefore(first)) return null;
        LocalDate day = first.plusDays(r.nextLong(last.toEpochDay() - first.toEpochDay() + 1));
        return iso(day, d.precision() == Precision.YEAR && r.nextBoolean() ? Precision.MONTH : Precision.DAY);
    }
}
