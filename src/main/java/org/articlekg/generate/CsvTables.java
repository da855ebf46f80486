package org.articlekg.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.articlekg.KgException;
import org.articlekg.load.Kind;

/**
 * The thirteen CSV files of a data folder, open for writing row by row: RFC 4180 quoting, UTF-8,
 * the header of each file in schema order, and line feeds between records as in {@code data/}.
 */
final class CsvTables implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final int BUFFER = 1 << 16;

    private final Path dir;
    private final Map<Kind, CSVPrinter> printers = new EnumMap<>(Kind.class);
    private final long[] rows = new long[Kind.values().length];

    private CsvTables(Path dir) {
        this.dir = dir;
    }

    /** Creates (or truncates) every file of {@code dir} and writes its header. */
    static CsvTables open(Path dir) {
        CsvTables tables = new CsvTables(dir);
        try {
            for (Kind kind : Kind.values()) {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                        Files.newOutputStream(dir.resolve(kind.fileName())), StandardCharsets.UTF_8), BUFFER);
                CSVPrinter printer = new CSVPrinter(w, FORMAT);
                tables.printers.put(kind, printer);
                printer.printRecord(Cells.header(kind));
            }
            return tables;
        } catch (IOException e) {
            tables.closeQuietly();
            throw new KgException("cannot write in " + dir + ": " + e.getMessage(), e);
        }
    }

    void write(Cells cells) {
        Kind kind = cells.kind();
        try {
            printers.get(kind).printRecord(cells.record());
            rows[kind.ordinal()]++;
        } catch (IOException e) {
            throw new KgException("cannot write " + dir.resolve(kind.fileName()) + ": " + e.getMessage(), e);
        }
    }

    /** Data rows written so far per file. */
    Map<Kind, Long> rows() {
        Map<Kind, Long> m = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) m.put(kind, rows[kind.ordinal()]);
        return m;
    }

    @Override
    public void close() {
        KgException failure = null;
        for (Map.Entry<Kind, CSVPrinter> p : printers.entrySet()) {
            try {
                p.getValue().close(true);
            } catch (IOException e) {
                if (failure == null) {
                    failure = new KgException("cannot write " + dir.resolve(p.getKey().fileName()) + ": " + e.getMessage(), e);
                }
            }
        }
        printers.clear();
        if (failure != null) throw failure;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (KgException ignored) {
            // already failing: the first error is the one reported
        }
    }
}
