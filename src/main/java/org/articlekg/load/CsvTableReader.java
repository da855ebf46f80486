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
 *
 * <p>Two limits protect what comes after the reader: a cell may not contain control characters
 * (C0 other than tab, line feed and carriage return, DEL, C1, U+FFFE, U+FFFF: they are not text,
 * and several are not allowed in the XML the server writes), and a cell and a row have a
 * largest size ({@link #MAX_CELL_CHARS}, {@link #MAX_ROW_CHARS}), checked as the characters
 * arrive, before the CSV parser holds them, so a 200 MB cell is a located problem and not an
 * out-of-memory error.
 */
final class CsvTableReader {
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    /** The longest cell, in characters (evidence quotes are the longest real cells, a few hundred). */
    static final int MAX_CELL_CHARS = 100_000;
    /** The longest row, in characters. */
    static final int MAX_ROW_CHARS = 1_000_000;

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
             CSVParser parser = CSVParser.builder().setReader(new SizeLimitedReader(new StrictUtf8Reader(in))).setFormat(FORMAT).get()) {
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
        } catch (TooLargeException e) {
            problems.report(e.problem(shownAs));
            return false;
        } catch (IOException e) {
            problems.report(Problem.ofFile(shownAs, "cannot read file: " + e.getMessage()));
            return false;
        }
    }

    private void reportUnreadable(Throwable cause, long startLine) {
        if (cause instanceof TooLargeException big) {
            problems.report(big.problem(shownAs));
            return;
        }
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
            String cell = record.get(h.getValue());
            String raw = cell.strip();
            int control = firstControl(cell);
            if (control >= 0) {
                problem(line, number, column, visible(cell), String.format("control character U+%04X at position %d of the cell: "
                        + "cells hold text only (tab and line breaks are allowed)", control, cell.indexOf(control) + 1));
                invalid.add(column.name());
                continue;
            }
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

    /** The first control character of a cell (not tab, line feed or carriage return), or -1. */
    static int firstControl(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
            if (control) return c;
        }
        return -1;
    }

    /** A cell with its control characters written as \\uXXXX, to be shown in a message. */
    private static String visible(String cell) {
        StringBuilder sb = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r' && firstControl(String.valueOf(c)) >= 0) sb.append(String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /** A cell or a row over its size limit, found while reading. */
    static final class TooLargeException extends IOException {
        final long line;
        final int column;

        TooLargeException(long line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        Problem problem(Path file) {
            return new Problem(file, line, column, null, null, getMessage());
        }
    }

    /**
     * Counts the characters of each cell and row as they are read (following RFC 4180 quoting: a
     * separator or line break inside double quotes is text; a doubled quote toggles twice) and
     * fails as soon as one is over its limit, before the parser has buffered it.
     */
    static final class SizeLimitedReader extends java.io.FilterReader {
        private boolean quoted;
        private long line = 1;
        private long cellLine = 1;
        private int column = 1;
        private long cell;
        private long row;

        SizeLimitedReader(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count((char) c);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) count(buf[off + i]);
            return n;
        }

        private void count(char c) throws TooLargeException {
            if (c == '"') quoted = !quoted;
            boolean endOfCell = !quoted && (c == ',' || c == '\n');
            if (c == '\n') line++;
            if (endOfCell) {
                cell = 0;
                cellLine = line;
                if (c == '\n') {
                    row = 0;
                    column = 1;
                } else {
                    column++;
                }
                return;
            }
            if (++cell > MAX_CELL_CHARS) {
                throw new TooLargeException(cellLine, column, "cell longer than " + MAX_CELL_CHARS
                        + " characters (an unclosed double quote makes the rest of the file one cell)");
            }
            if (++row > MAX_ROW_CHARS) {
                throw new TooLargeException(cellLine, column, "row longer than " + MAX_ROW_CHARS + " characters");
            }
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
