package org.articlekg.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/** A bound query's answer as {@code kg query} writes it (30 s timeout unless said, no row cap), for the tests. */
public final class Answers {
    private Answers() {}

    /** The answer in {@code format}, as text. */
    public static String text(DatasetGraph dataset, Query query, ResultFormat format) {
        return text(dataset, query, format, Duration.ofSeconds(30));
    }

    /** The answer in {@code format}, as text, with another timeout (a whole report on a generated graph). */
    public static String text(DatasetGraph dataset, Query query, ResultFormat format, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.local(dataset, timeout, 0).run(query, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A SELECT's rows, each a map by column name, in the answer's order. */
    public static List<Map<String, String>> table(DatasetGraph dataset, Query query) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text(dataset, query, ResultFormat.CSV)))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords().stream().map(CSVRecord::toMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
