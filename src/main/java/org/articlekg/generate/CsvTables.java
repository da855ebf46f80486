package org.articlekg.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.articlekg.KgException;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;
import org.articlekg.load.TableSchema;

/**
 * The CSV files of a data folder, one per kind the {@link FactModel} declares, open for writing
 * row by row: RFC 4180 quoting, UTF-8, the header of each file in declared order, and line feeds
 * between records as in {@code data/}.
 */
final class CsvTables implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final int BUFFER = 1 << 16;

    /** One open file. */
    private static final class Table {
        final Layout layout;
        final CSVPrinter printer;
        long rows;

        Table(Layout layout, CSVPrinter printer) {
            this.layout = layout;
            this.printer = printer;
        }
    }

    private final Path dir;
    private final Map<Kind, Table> tables = new LinkedHashMap<>();

    private CsvTables(Path dir) {
        this.dir = dir;
    }

    /** Creates (or truncates) the file of every kind of {@code model} in {@code dir} and writes its header. */
    static CsvTables open(Path dir, FactModel model) {
        CsvTables out = new CsvTables(dir);
        try {
            for (TableSchema schema : model.tables()) {
                Kind kind = schema.kind();
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                        Files.newOutputStream(dir.resolve(kind.fileName())), StandardCharsets.UTF_8), BUFFER);
                Layout layout = Layout.of(schema);
                CSVPrinter printer = new CSVPrinter(w, FORMAT);
                out.tables.put(kind, new Table(layout, printer));
                printer.printRecord(layout.header());
            }
            return out;
        } catch (IOException e) {
            out.closeQuietly();
            throw new KgException("cannot write in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** An empty row of a kind's file. */
    Cells row(Kind kind) {
        Table t = tables.get(kind);
        if (t == null) throw new IllegalArgumentException("no file for kind " + kind);
        return new Cells(t.layout);
    }

    void write(Cells cells) {
        Kind kind = cells.kind();
        Table t = tables.get(kind);
        try {
            t.printer.printRecord(cells.record());
            t.rows++;
        } catch (IOException e) {
            throw new KgException("cannot write " + dir.resolve(kind.fileName()) + ": " + e.getMessage(), e);
        }
    }

    /** Data rows written so far per file, in the model's order of kinds. */
    Map<Kind, Long> rows() {
        Map<Kind, Long> m = new LinkedHashMap<>();
        tables.forEach((kind, t) -> m.put(kind, t.rows));
        return m;
    }

    @Override
    public void close() {
        KgException failure = null;
        for (Map.Entry<Kind, Table> t : tables.entrySet()) {
            try {
                t.getValue().printer.close(true);
            } catch (IOException e) {
                if (failure == null) {
                    failure = new KgException("cannot write " + dir.resolve(t.getKey().fileName()) + ": " + e.getMessage(), e);
                }
            }
        }
        tables.clear();
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
