package org.articlekg.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.articlekg.KgException;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;

/**
 * Writes a synthetic corpus: the CSV file of every kind the {@link FactModel} declares, for a
 * number of made-up articles, valid against every check of {@code kg validate --no-corpus} (there
 * are no article texts, so quotes are the facts' labels, as articles might word them).
 *
 * <p>The corpus has the shape of real curated data: persons, organisations of every type and
 * products growing with the number of articles, a few of them in many facts and most in few;
 * facts of every declared kind, as often as its {@code kd:weight} says, made from the column
 * declarations alone; about ten evidence rows per article, most claims reported by one article
 * and some by up to four, most in the article's own voice and some attributed to a participant,
 * alleged or speculated; and a few percent of events reported by a second claim that conflicts
 * with the first (a disagreement), refines it (a finer date, a narrower concept) or agrees with
 * it. The same seed gives the same bytes. Rows are streamed to the files, so memory holds only
 * the entities and a few bytes per article.
 *
 * <pre>{@code
 * GenerationSummary s = CorpusGenerator.create().model(FactModel.read(Path.of("ontology")))
 *         .articles(1000).seed(42).build().writeTo(Path.of("target/synthetic"));
 * }</pre>
 */
public final class CorpusGenerator {
    /** Share of claims reported in a second, conflicting version. */
    static final double DISPUTE_RATE = 0.035;
    /** Share of claims reported in a second, more precise version. */
    static final double REFINEMENT_RATE = 0.02;
    /** Share of claims reported again, as a claim of its own, by other articles. */
    static final double AGREEMENT_RATE = 0.03;
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
    private final FactModel model;

    private CorpusGenerator(int articles, long seed, boolean overwrite, Progress progress, FactModel model) {
        this.model = model;
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
        private FactModel model;

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

        /** The declared kinds of row to generate (default: read from {@code ontology/}). */
        public Builder model(FactModel model) { this.model = Objects.requireNonNull(model); return this; }

        public CorpusGenerator build() {
            FactModel m = model != null ? model : FactModel.read(Path.of("ontology"));
            return new CorpusGenerator(articles, seed, overwrite, progress, m);
        }
    }

    /**
     * Writes the file of every declared kind into {@code dir}, creating it if needed.
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
        try (CsvTables out = CsvTables.open(dir, model)) {
            Entities entities = Entities.generate(articles, entityRandom, out, model);
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
        private final Versions versions;
        private final Quotes quotes;
        private final Attribution.Picker attributions;
        private final Kind articleKind = model.articles().kind();
        private final Kind evidenceKind = model.evidence().kind();
        private final Map<Kind, Integer> lastNumber = new LinkedHashMap<>();
        private final int[] reporters = new int[8];
        private final int[] others = new int[8];

        Run(CsvTables out, Entities entities, ArticlePlan plan, SplittableRandom r) {
            this.out = out;
            this.entities = entities;
            this.plan = plan;
            this.r = r;
            this.claims = new Claims(model, entities, r);
            this.versions = new Versions(claims);
            this.quotes = new Quotes(model, entities);
            this.attributions = new Attribution.Picker(model.evidence());
        }

        void writeArticles() {
            int n = plan.count();
            for (int i = 0; i < n; i++) {
                Entity main = null;
                int claimCount = 2 + r.nextInt(10);
                for (int k = 0; k < claimCount; k++) {
                    Entity about = writeClaim(i);
                    if (main == null) main = about;
                }
                if (main == null) main = entities.organizations.get(0);
                boolean french = plan.french(i);
                out.write(plan.row(out.row(articleKind), i, quotes.title(main, french, r), entities, r));
                if (r.nextDouble() < ENTITY_EVIDENCE_RATE) {
                    evidence(main.id(), i, quotes.about(main, french), Attribution.OWN);
                }
                progress.articlesDone(i + 1, n);
            }
        }

        /**
         * A claim first reported by article {@code i}, maybe by others near it, maybe with a
         * second claim about its event; returns the entity it is mainly about, or null.
         */
        private Entity writeClaim(int i) {
            FactShape shape = claims.pickKind(r);
            int n = chooseReporters(i);
            double p = r.nextDouble();
            Versions.Relation relation = p < DISPUTE_RATE ? Versions.Relation.CONFLICT
                    : p < DISPUTE_RATE + REFINEMENT_RATE ? Versions.Relation.REFINEMENT
                    : p < DISPUTE_RATE + REFINEMENT_RATE + AGREEMENT_RATE ? Versions.Relation.AGREEMENT : null;
            int m = relation == null ? 0 : chooseOthers(i, n);
            LocalDate latest = plan.latest(reporters, n);
            LocalDate othersLatest = plan.latest(others, m);
            if (othersLatest.isBefore(latest)) latest = othersLatest;
            Kind kind = shape.table.kind();
            Cells claim = claims.make(shape, out.row(kind), r, latest);
            String id = nextId(kind);
            claim.set("id", id);
            Cells second = relation == null ? null : versions.make(relation, shape, claim, r, latest);
            if (second != null) {
                String event = "event-" + id;
                claim.set("event", event);
                second.set("id", nextId(kind)).set("event", event);
            }
            out.write(claim);
            List<Entity> participants = claims.named(shape, claim);
            for (int k = 0; k < n; k++) evidence(claim, reporters[k], participants);
            if (second != null) {
                out.write(second);
                List<Entity> secondParticipants = claims.named(shape, second);
                for (int k = 0; k < m; k++) evidence(second, others[k], secondParticipants);
            }
            return claims.mainEntity(shape, claim);
        }

        private String nextId(Kind kind) {
            return kind.name() + "-" + lastNumber.merge(kind, 1, Integer::sum);
        }

        private void evidence(Cells claim, int article, List<Entity> participants) {
            Attribution a = attributions.pick(participants, r);
            evidence(claim.get("id"), article, quotes.of(claim, plan.french(article), a), a);
        }

        private void evidence(String fact, int article, String quote, Attribution a) {
            Cells row = out.row(evidenceKind).set("fact", fact).set("article", plan.id(article)).set("quote", quote);
            a.writeTo(row);
            out.write(row);
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
