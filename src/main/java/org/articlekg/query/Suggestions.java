package org.articlekg.query;

import java.util.Comparator;
import java.util.List;

/** The names nearest a mistyped one, by edit distance, for "did you mean" hints. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The candidates within a few edits of {@code typed} (a third of its length, at least 2),
     * nearest first, at most three; a candidate that starts with what was typed counts as near.
     */
    public static List<String> nearest(String typed, List<String> candidates) {
        int most = Math.max(2, typed.length() / 3);
        return candidates.stream()
                .filter(c -> distance(typed, c) <= most || c.startsWith(typed))
                .sorted(Comparator.comparingInt((String c) -> distance(typed, c)).thenComparing(c -> c))
                .limit(3).toList();
    }

    /** Levenshtein distance (insertions, deletions and substitutions), case-insensitive. */
    public static int distance(String a, String b) {
        a = a.toLowerCase(java.util.Locale.ROOT);
        b = b.toLowerCase(java.util.Locale.ROOT);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
