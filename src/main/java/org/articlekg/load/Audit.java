package org.articlekg.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks the audit tables of {@code data/audit/}: one file per article ({@code ARTICLE.csv}), a row
 * per sentence that states a fact (or is deliberately left out), with a short excerpt, the claims
 * that represent it and, when there are none, why. Every excerpt must occur in its article (when
 * the corpus is available) and be at most as long as an evidence quote, every claim named must be
 * a fact row, sentence numbers must increase, and a row without claims must say why, starting
 * with one of {@link #REASONS} (a row with claims may add a comment, e.g. {@code partial: …}). The tables are kept for review; they add nothing to the graph.
 */
final class Audit {
    /** The folder of audit tables in the data folder. */
    static final String FOLDER = "audit";
    /** The columns of an audit table, in order. */
    static final List<String> COLUMNS = List.of("sentence", "excerpt", "claims", "reason");
    /** The words a reason starts with (then a colon and a few words). */
    static final List<String> REASONS = List.of("missing", "partial", "out_of_scope", "opinion", "unclear", "debris", "context");

    private static final Pattern REASON = Pattern.compile("([a-z_]+):.*", Pattern.DOTALL);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private Audit() {}

    /** Checks every audit table of a data folder, if it has any. */
    static void check(Path dataDir, IdIndex index, Kind articles, int maxExcerpt, Corpus corpus, ProblemHandler problems) {
        Path dir = dataDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) return;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            problems.report(Problem.ofFile(dir, "cannot list the audit tables: " + e.getMessage()));
            return;
        }
        for (Path file : files) checkFile(file, index, articles, maxExcerpt, corpus, problems);
    }

    private static void checkFile(Path file, IdIndex index, Kind articles, int maxExcerpt, Corpus corpus, ProblemHandler problems) {
        String article = file.getFileName().toString().replaceFirst("\\.csv$", "");
        IdIndex.Info info = index.get(article);
        if (info == null || !info.kind.equals(articles)) {
            problems.report(Problem.ofFile(file, "no article '" + article + "' in " + articles.fileName()
                    + ": an audit table is named after the article it audits"));
            return;
        }
        try (InputStream in = Files.newInputStream(file);
             CSVParser parser = CSVParser.builder().setReader(new StrictUtf8Reader(in)).setFormat(FORMAT).get()) {
            long previous = 0;
            boolean header = true;
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (header) {
                    header = false;
                    if (!r.toList().stream().map(String::strip).toList().equals(COLUMNS)) {
                        problems.report(new Problem(file, line, 0, null, String.join(",", r.toList()),
                                "the header must be " + String.join(",", COLUMNS)));
                        return;
                    }
                    continue;
                }
                if (r.size() != COLUMNS.size()) {
                    problems.report(new Problem(file, line, 0, null, null, "row has " + r.size() + " fields but the header has "
                            + COLUMNS.size()));
                    continue;
                }
                Map<String, String> cells = Map.of("sentence", r.get(0).strip(), "excerpt", r.get(1).strip(),
                        "claims", r.get(2).strip(), "reason", r.get(3).strip());
                previous = checkRow(file, line, cells, previous, article, index, maxExcerpt, corpus, problems);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.report(Problem.ofFile(file, "cannot read the audit table: " + e.getMessage()));
        }
    }

    /** Checks one row; returns its sentence number (or the previous one when it has none). */
    private static long checkRow(Path file, long line, Map<String, String> cells, long previous, String article, IdIndex index,
                                 int maxExcerpt, Corpus corpus, ProblemHandler problems) {
        long sentence = previous;
        String number = cells.get("sentence");
        try {
            sentence = Long.parseLong(number);
            if (sentence <= previous) {
                problems.report(new Problem(file, line, 1, "sentence", number, "sentence numbers must increase (the row before has "
                        + previous + ")"));
            }
        } catch (NumberFormatException e) {
            problems.report(new Problem(file, line, 1, "sentence", number, "not a sentence number (1, 2, …)"));
        }
        String excerpt = cells.get("excerpt");
        if (excerpt.isEmpty()) {
            problems.report(new Problem(file, line, 2, "excerpt", "", "required value is missing"));
        } else if (excerpt.length() > maxExcerpt) {
            problems.report(new Problem(file, line, 2, "excerpt", excerpt, "excerpt has " + excerpt.length()
                    + " characters; at most " + maxExcerpt + " are allowed"));
        } else if (corpus != null && corpus.has(article) && !corpus.contains(article, excerpt)) {
            problems.report(new Problem(file, line, 2, "excerpt", excerpt, "excerpt does not occur in article " + article
                    + " (compared with white space and apostrophes folded)"));
        }
        String claims = cells.get("claims");
        if (!claims.isEmpty()) {
            for (String id : claims.split("\\|", -1)) {
                IdIndex.Info claim = index.get(id.strip());
                if (claim == null || !claim.kind.isFact()) {
                    problems.report(new Problem(file, line, 3, "claims", id.strip(), claim == null
                            ? "unknown id: no fact row has this id" : "is a " + claim.kind.noun() + ", not a fact"));
                }
            }
        }
        String reason = cells.get("reason");
        var m = REASON.matcher(reason);
        if (claims.isEmpty() && reason.isEmpty()) {
            problems.report(new Problem(file, line, 4, "reason", "", "a sentence without claims needs a reason ("
                    + String.join(", ", REASONS) + ", then a colon and a few words)"));
        } else if (claims.isEmpty() && (!m.matches() || !REASONS.contains(m.group(1)))) {
            problems.report(new Problem(file, line, 4, "reason", reason, "a reason starts with one of " + String.join(", ", REASONS)
                    + " and a colon"));
        }
        return sentence;
    }
}
