package org.articlekg.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.articlekg.KgException;
import org.articlekg.load.Kind;

/**
 * Writes a synthetic corpus: the thirteen CSV files of {@code data/} for a number of made-up
 * articles, valid against every check of {@code kg validate --no-corpus} (there are no article
 * texts, so quotes are made-up sentences naming the facts' entities).
 *
 * <p>The corpus has the shape of real curated data: persons, organisations of every type and
 * products growing with the number of articles, a few of them in many facts and most in few;
 * facts of every kind, about ten per article, most reported by one article and some by up to
 * four; and a few percent of events reported in two conflicting versions (disagreements).
 * The same seed gives the same bytes. Rows are streamed to the files, so memory holds only the
 * entities and a few bytes per article.
 *
 * <pre>{@code
 * GenerationSummary s = CorpusGenerator.create().articles(1000).seed(42).build().writeTo(Path.of("target/synthetic"));
 * }</pre>
 */
public final class CorpusGenerator {
    /** Share of claims reported in a second, conflicting version. */
    static final double DISPUTE_RATE = 0.035;
    /** Co-reporting articles are taken this many articles (in date order) around the first. */
    static final int NEWS_WINDOW = 25;
    /** Share of articles with an evidence row for the entity they are mainly about. */
    static final double ENTITY_EVIDENCE_RATE = 0.04;

    /** The output folder already holds CSV files and overwriting was not allowed. */
    public static final class OutputNotEmptyException extends KgException {
        private final Path directory;
        private final List<String> files;

        OutputNotEmptyException(Path directory, List<String> files) {
            super(directory + " already holds CSV files (" + String.join(", ", files.subList(0, Math.min(5, files.size())))
                    + (files.size() > 5 ? ", …" : "") + "); choose an empty folder or allow overwriting");
            this.directory = directory;
            this.files = List.copyOf(files);
        }

        public Path directory() { return directory; }

        /** The CSV files found, by name. */
        public List<String> files() { return files; }
    }

    private final int articles;
    private final long seed;
    private final boolean overwrite;
    private final Progress progress;

    private CorpusGenerator(int articles, long seed, boolean overwrite, Progress progress) {
        this.articles = articles;
        this.seed = seed;
        this.overwrite = overwrite;
        this.progress = progress;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder of a {@link CorpusGenerator}. */
    public static final class Builder {
        private int articles = 1000;
        private long seed = 1;
        private boolean overwrite;
        private Progress progress = Progress.NONE;

        /** How many articles (default 1000); the entities and facts grow with it. */
        public Builder articles(int n) {
            if (n < 1) throw new KgException("the number of articles must be at least 1, found " + n);
            this.articles = n;
            return this;
        }

        /** The seed of every random choice (default 1): the same seed gives the same files. */
        public Builder seed(long seed) { this.seed = seed; return this; }

        /** Whether CSV files already in the output folder may be overwritten (default false). */
        public Builder overwrite(boolean overwrite) { this.overwrite = overwrite; return this; }

        public Builder progress(Progress progress) { this.progress = Objects.requireNonNull(progress); return this; }

        public CorpusGenerator build() { return new CorpusGenerator(articles, seed, overwrite, progress); }
    }

    /**
     * Writes the thirteen files into {@code dir}, creating it if needed.
     *
     * @throws OutputNotEmptyException when {@code dir} holds CSV files and overwriting is not allowed
     */
    public GenerationSummary writeTo(Path dir) {
        Instant start = Instant.now();
        prepare(dir);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom entityRandom = root.split();
        SplittableRandom planRandom = root.split();
        SplittableRandom factRandom = root.split();
        Map<Kind, Long> rows;
        try (CsvTables out = CsvTables.open(dir)) {
            Entities entities = Entities.generate(articles, entityRandom, out);
            ArticlePlan plan = ArticlePlan.of(articles, planRandom);
            new Run(out, entities, plan, factRandom).writeArticles();
            rows = out.rows();
        }
        return new GenerationSummary(dir, articles, seed, rows, Duration.between(start, Instant.now()));
    }

    private void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new KgException(dir + " exists and is not a folder");
        try {
            Files.createDirectories(dir);
            if (overwrite) return;
            List<String> csv;
            try (Stream<Path> files = Files.list(dir)) {
                csv = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
            }
            if (!csv.isEmpty()) throw new OutputNotEmptyException(dir, csv);
        } catch (IOException e) {
            throw new KgException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** One generation: the articles in order, each with the claims it is the first to report. */
    private final class Run {
        private final CsvTables out;
        private final Entities entities;
        private final ArticlePlan plan;
        private final SplittableRandom r;
        private final Claims claims;
        private final Quotes quotes;
        private final Choice<Kind> kinds = Claims.kinds();
        private final int[] nextNumber = new int[Kind.values().length];
        private final int[] reporters = new int[8];
        private final int[] others = new int[8];

        Run(CsvTables out, Entities entities, ArticlePlan plan, SplittableRandom r) {
            this.out = out;
            this.entities = entities;
            this.plan = plan;
            this.r = r;
            this.claims = new Claims(entities);
            this.quotes = new Quotes(entities);
        }

        void writeArticles() {
            int n = plan.count();
            for (int i = 0; i < n; i++) {
                Entity main = null;
                int claimCount = 2 + r.nextInt(11);
                for (int k = 0; k < claimCount; k++) {
                    Cells claim = writeClaim(i);
                    if (main == null) main = claims.mainEntity(claim);
                }
                boolean french = plan.french(i);
                out.write(plan.row(i, quotes.title(main, french, r), entities, r));
                if (r.nextDouble() < ENTITY_EVIDENCE_RATE) evidence(main.id(), i, quotes.about(main, french));
                progress.articlesDone(i + 1, n);
            }
        }

        /** A claim first reported by article {@code i}, maybe by others near it, maybe disputed. */
        private Cells writeClaim(int i) {
            Kind kind = kinds.pick(r);
            int n = chooseReporters(i);
            LocalDate latest = plan.latest(reporters, n);
            Cells claim = claims.make(kind, r, latest);
            String id = nextId(kind);
            claim.set("id", id);
            Cells variant = null;
            if (r.nextDouble() < DISPUTE_RATE) {
                variant = claims.dispute(claim, r, latest);
                String event = "event-" + id;
                claim.set("event", event);
                variant.set("id", nextId(kind)).set("event", event);
            }
            out.write(claim);
            for (int k = 0; k < n; k++) evidence(claim, reporters[k]);
            if (variant != null) {
                out.write(variant);
                int m = chooseOthers(i, n);
                for (int k = 0; k < m; k++) evidence(variant, others[k]);
            }
            return claim;
        }

        private String nextId(Kind kind) {
            return kind.segment() + "-" + (++nextNumber[kind.ordinal()]);
        }

        private void evidence(Cells claim, int article) {
            evidence(claim.get("id"), article, quotes.of(claim, plan.french(article), r.nextInt(Quotes.VARIANTS)));
        }

        private void evidence(String fact, int article, String quote) {
            out.write(new Cells(Kind.EVIDENCE).set("fact", fact).set("article", plan.id(article)).set("quote", quote));
        }

        /** Article {@code i} and 0–3 others near it (mostly none) into {@link #reporters}; returns how many. */
        private int chooseReporters(int i) {
            int p = r.nextInt(100);
            int extra = p < 72 ? 0 : p < 88 ? 1 : p < 96 ? 2 : 3;
            reporters[0] = i;
            return 1 + pickNear(i, extra, reporters, 1);
        }

        /** One or two articles near {@code i} other than the claim's reporters, into {@link #others}. */
        private int chooseOthers(int i, int reporterCount) {
            int wanted = r.nextInt(100) < 80 ? 1 : 2;
            System.arraycopy(reporters, 0, others, 0, reporterCount);
            int got = pickNear(i, wanted, others, reporterCount);
            System.arraycopy(others, reporterCount, others, 0, got);
            if (got == 0) {
                others[0] = i; // a one-article corpus: the article reports both versions
                return 1;
            }
            return got;
        }

        /** Up to {@code wanted} distinct articles near {@code i}, not among {@code into[0, taken)}, appended there. */
        private int pickNear(int i, int wanted, int[] into, int taken) {
            int lo = Math.max(0, i - NEWS_WINDOW);
            int hi = Math.min(plan.count() - 1, i + NEWS_WINDOW);
            int free = hi - lo + 1 - taken;
            int want = Math.min(wanted, Math.max(0, free));
            int got = 0;
            while (got < want) {
                int j = lo + r.nextInt(hi - lo + 1);
                boolean seen = false;
                for (int k = 0; k < taken + got; k++) if (into[k] == j) { seen = true; break; }
                if (!seen) into[taken + got++] = j;
            }
            return got;
        }
    }
}
