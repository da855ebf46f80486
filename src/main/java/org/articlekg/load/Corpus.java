package org.articlekg.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The article texts, for checking that evidence quotes occur in the article they cite. Only read,
 * never copied into the graph. An article with id {@code X} is the file {@code X.txt}.
 */
public final class Corpus {
    private static final Pattern APOSTROPHES = Pattern.compile("[’‘ʼ`´]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private final Path dir;
    private final Map<String, String> normalisedTexts = new HashMap<>();

    public Corpus(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }

    public Path fileOf(String articleId) {
        return dir.resolve(articleId + ".txt");
    }

    public boolean has(String articleId) {
        return Files.isRegularFile(fileOf(articleId));
    }

    /** Whether the quote occurs in the article, compared with whitespace runs and apostrophes folded. */
    public boolean contains(String articleId, String quote) {
        String text = normalisedTexts.computeIfAbsent(articleId, id -> {
            try {
                return normalise(Files.readString(fileOf(id), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return text.contains(normalise(quote));
    }

    /** Folds typographic apostrophes to {@code '} and runs of white space to one space. */
    public static String normalise(String text) {
        return SPACES.matcher(APOSTROPHES.matcher(text).replaceAll("'")).replaceAll(" ").strip();
    }
}
