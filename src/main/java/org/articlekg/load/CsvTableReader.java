package org.articlekg.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file of {@code data/} against its {@link TableSchema}: strict UTF-8 (a byte-order
 * mark is skipped), RFC 4180 quoting, the header checked (unknown, duplicate and missing required
 * columns) and every cell read by its column's {@link ValueType}. Each problem goes to the
 * {@link ProblemHandler} with its line and column; rows with problems in their cells are still
 * passed on (without the bad values) so that later checks can go on, and {@link Entry#values()}
 * lacks the values that were bad.
 */
final class CsvTableReader {
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();

    private final TableSchema schema;
    private final Path file;
    private final Path shownAs;
    private final ProblemHandler problems;

    /**
     * @param file the file to read
     * @param shownAs how the file is named in problems
     */
    CsvTableReader(TableSchema schema, Path file, Path shownAs, ProblemHandler problems) {
        this.schema = schema;
        this.file = file;
        this.shownAs = shownAs;
        this.problems = problems;
    }

    /** Reads every row, passing each to {@code sink}; returns false when the file could not be read through. */
    boolean read(Consumer<Entry> sink) {
        try (InputStream in = Files.newInputStream(file);
             CSVParser parser = CSVParser.builder().setReader(new StrictUtf8Reader(in)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> header = null;
            while (true) {
                long startLine = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) break;
                    record = records.next();
                } catch (UncheckedIOException e) {
                    reportUnreadable(e.getCause(), startLine);
                    return false;
                }
                if (record.size() == 1 && record.get(0).isBlank()) continue;
                if (header == null) {
                    header = readHeader(record, startLine);
                    if (header == null) return false;
                    continue;
                }
                if (record.size() != header.size()) {
                    problems.report(new Problem(shownAs, startLine, 0, null, null,
                            "row has " + record.size() + " fields but the header has " + header.size()
                                    + " (check for a missing or extra comma, or an unquoted comma in a value)"));
                    continue;
                }
                sink.accept(readRow(record, header, startLine));
            }
            if (header == null) problems.report(Problem.ofFile(shownAs, "file is empty: it needs at least a header line"));
            return true;
        } catch (NoSuchFileException e) {
            problems.report(Problem.ofFile(shownAs, "file not found (every file listed in data/README.md is required)"));
            return false;
        } catch (StrictUtf8Reader.MalformedUtf8Exception e) {
            problems.report(new Problem(shownAs, e.line, (int) e.column, null, null, e.getMessage()));
            return false;
        } catch (IOException e) {
            problems.report(Problem.ofFile(shownAs, "cannot read file: " + e.getMessage()));
            return false;
        }
    }

    private void reportUnreadable(Throwable cause, long startLine) {
        if (cause instanceof StrictUtf8Reader.MalformedUtf8Exception bad) {
            problems.report(new Problem(shownAs, bad.line, (int) bad.column, null, null, bad.getMessage()));
            return;
        }
        String message = String.valueOf(cause == null ? null : cause.getMessage());
        String what;
        if (message.contains("EOF reached before encapsulated token finished")) {
            what = "unbalanced double quote: a quoted field that starts in this row is never closed";
        } else if (message.contains("between encapsulated token and delimiter")) {
            what = "text after a closing double quote: inside a quoted field write a double quote as \"\"";
        } else {
            what = "malformed CSV: " + message;
        }
        problems.report(new Problem(shownAs, startLine, 0, null, null, what));
    }

    /** Checks the header; returns column name → 0-based index, or null when the file cannot be read on. */
    private Map<String, Integer> readHeader(CSVRecord record, long line) {
        Map<String, Column> known = schema.byName();
        Map<String, Integer> header = new LinkedHashMap<>();
        boolean usable = true;
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            if (header.containsKey(name)) {
                problems.report(new Problem(shownAs, line, i + 1, null, name,
                        "column named twice (also column " + (header.get(name) + 1) + ")"));
                usable = false;
            } else if (!known.containsKey(name)) {
                problems.report(new Problem(shownAs, line, i + 1, null, name,
                        "unknown column; " + schema.kind().fileName() + " has: " + String.join(", ", known.keySet())));
                header.put(name, i);
                usable = false;
            } else {
                header.put(name, i);
            }
        }
        for (Column c : schema.columns()) {
            if (c.required() && !header.containsKey(c.name())) {
                problems.report(new Problem(shownAs, line, 0, null, c.name(), "required column is missing from the header"));
                usable = false;
            }
        }
        return usable ? header : null;
    }

    private Entry readRow(CSVRecord record, Map<String, Integer> header, long line) {
        Map<String, Integer> columnNumbers = new HashMap<>();
        Map<String, Object> values = new HashMap<>();
        java.util.Set<String> invalid = new java.util.HashSet<>();
        for (Map.Entry<String, Integer> h : header.entrySet()) {
            Column column = schema.column(h.getKey());
            int number = h.getValue() + 1;
            columnNumbers.put(column.name(), number);
            String raw = record.get(h.getValue()).strip();
            if (raw.isEmpty()) {
                if (column.required()) problem(line, number, column, raw, "required value is missing");
                continue;
            }
            Object value = read(column, raw, line, number);
            if (value != null) values.put(column.name(), value);
            else invalid.add(column.name());
        }
        for (Column c : schema.columns()) {
            if (c.required() && !header.containsKey(c.name())) columnNumbers.putIfAbsent(c.name(), 0);
        }
        return new Entry(schema, shownAs, line, columnNumbers, values, invalid);
    }

    /** The typed value of a non-empty cell, or null after reporting why it is not valid. */
    private Object read(Column column, String raw, long line, int number) {
        switch (column.type()) {
            case TEXT:
                return raw;
            case TEXT_LIST: {
                List<String> items = split(raw);
                if (items.contains("")) {
                    problem(line, number, column, raw, "empty item in a '|'-separated list");
                    return null;
                }
                return items;
            }
            case SLUG:
                return check(SLUG.matcher(raw).matches(), column, raw, line, number,
                        "not an id: use lower-case letters, digits and single hyphens (e.g. elon-musk)");
            case ARTICLE_ID:
                return check(ARTICLE_ID.matcher(raw).matches(), column, raw, line, number,
                        "not an article id: the article's file name without .txt");
            case DATE: {
                PartialDate date = PartialDate.parseOrNull(raw);
                if (date == null) problem(line, number, column, raw, "not a date: write 2018, 2018-03 or 2019-03-11");
                return date;
            }
            case DECIMAL:
                if (!DECIMAL.matcher(raw).matches()) {
                    problem(line, number, column, raw,
                            "not a decimal number: digits with '.' as separator, no sign or grouping (e.g. 1000000000 or 2.5)");
                    return null;
                }
                return new BigDecimal(raw);
            case CURRENCY:
                if (column.alsoAllowed().contains(raw)) return raw;
                return check(isCurrency(raw), column, raw, line, number, "not an ISO 4217 currency code (e.g. USD, EUR)"
                        + (column.alsoAllowed().isEmpty() ? "" : " nor one of: " + String.join(", ", column.alsoAllowed())));
            case LANGUAGE:
                return check(isLanguageTag(raw), column, raw, line, number, "not a BCP 47 language tag (e.g. fr, en)");
            case ENUM:
                return check(column.values().containsKey(raw), column, raw, line, number,
                        "not an allowed value; use " + column.allowedValues());
            case REF:
                return checkId(column, raw, line, number) ? raw : null;
            case REFS: {
                List<String> ids = split(raw);
                List<String> good = new ArrayList<>();
                for (String id : ids) {
                    if (id.isEmpty()) problem(line, number, column, raw, "empty item in a '|'-separated list");
                    else if (checkId(column, id, line, number)) good.add(id);
                }
                return good.size() == ids.size() ? good : null;
            }
            default:
                throw new IllegalStateException("unhandled type " + column.type());
        }
    }

    private boolean checkId(Column column, String id, long line, int number) {
        boolean ok = column.targets().size() == 1 && column.targets().iterator().next().role() == Kind.Role.ARTICLE
                ? ARTICLE_ID.matcher(id).matches()
                : SLUG.matcher(id).matches();
        if (!ok) problem(line, number, column, id, "not an id: use lower-case letters, digits and single hyphens");
        return ok;
    }

    private static List<String> split(String raw) {
        List<String> items = new ArrayList<>();
        for (String part : raw.split("\\|", -1)) items.add(part.strip());
        return items;
    }

    private static boolean isCurrency(String code) {
        if (!CURRENCY_CODE.matcher(code).matches()) return false;
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLanguageTag(String tag) {
        try {
            new Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private String check(boolean ok, Column column, String raw, long line, int number, String message) {
        if (!ok) problem(line, number, column, raw, message);
        return ok ? raw : null;
    }

    private void problem(long line, int column, Column c, String value, String message) {
        problems.report(new Problem(shownAs, line, column, c.name(), value, message));
    }
}
