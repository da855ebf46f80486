package org.articlekg.generate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** The raw material of made-up names: first names, surnames, syllables of brands; and slugs. */
final class Names {
    private Names() {}

    static final List<String> FIRST_NAMES = List.of(
            "Alice", "Antoine", "Amira", "Benoît", "Camille", "Chloé", "Claire", "David", "Diane", "Élodie",
            "Emma", "Ethan", "Fatima", "François", "Gabriel", "Grace", "Hugo", "Inès", "Isaac", "Jade",
            "James", "Jean", "Julia", "Karim", "Laura", "Léa", "Liam", "Lucas", "Lucie", "Manon",
            "Marc", "Maria", "Mathieu", "Maya", "Mehdi", "Nadia", "Noah", "Nora", "Olivia", "Omar",
            "Paul", "Pierre", "Priya", "Rachel", "Raphaël", "Rosa", "Samuel", "Sarah", "Sofia", "Sophie",
            "Thomas", "Tom", "Valérie", "Victor", "Wei", "Yann", "Yasmine", "Zoé", "Aiko", "Arjun",
            "Daniel", "Elena", "Greg", "Ilya", "Kenji", "Lena", "Mira", "Oscar", "Ravi", "Sven");

    static final List<String> SURNAMES = List.of(
            "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Garcia",
            "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller",
            "Smith", "Johnson", "Brown", "Taylor", "Anderson", "Clark", "Lewis", "Walker", "Young", "King",
            "Chen", "Wang", "Li", "Nguyen", "Kim", "Park", "Sato", "Tanaka", "Singh", "Patel",
            "Rossi", "Ferrari", "Schmidt", "Schneider", "Novak", "Kowalski", "Ivanova", "Larsen", "Silva", "Costa",
            "Haddad", "Benali", "Okafor", "Mensah", "Cohen", "Levy", "Murphy", "Kelly", "Hughes", "Price");

    private static final List<String> SYLLABLES = List.of(
            "na", "xo", "ra", "ve", "li", "qua", "to", "mi", "zen", "ar", "ko", "sy", "lu", "ne", "ti", "vo",
            "dri", "fa", "gen", "ha", "jo", "ka", "lo", "mo", "nu", "pe", "ri", "sa", "te", "ul", "va", "wi",
            "xe", "yo", "za", "or", "el", "an", "is", "um", "bri", "cor", "dex", "flo", "gra", "ly", "nox", "pra",
            "quin", "sol", "tra", "vex", "zor", "ae", "io", "mer", "tal", "vin");

    private static final List<String> SURNAME_ENDINGS = List.of(
            "", "", "", "son", "ez", "ier", "ova", "ski", "mann", "elli", "ard", "in", "berg", "ot");

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** A made-up word of two or three syllables, capitalised: {@code Nexora}. */
    static String brand(SplittableRandom r) {
        int n = 2 + (r.nextInt(3) == 0 ? 1 : 0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(SYLLABLES.get(r.nextInt(SYLLABLES.size())));
        return capitalise(sb.toString());
    }

    /** A surname: a common one, or a made-up one for variety in large corpora. */
    static String surname(SplittableRandom r) {
        if (r.nextInt(10) < 4) return SURNAMES.get(r.nextInt(SURNAMES.size()));
        String stem = SYLLABLES.get(r.nextInt(SYLLABLES.size())) + SYLLABLES.get(r.nextInt(SYLLABLES.size()));
        return capitalise(stem + SURNAME_ENDINGS.get(r.nextInt(SURNAME_ENDINGS.size())));
    }

    static String firstName(SplittableRandom r) {
        return FIRST_NAMES.get(r.nextInt(FIRST_NAMES.size()));
    }

    /** The slug of a name: {@code Élodie Dupont} → {@code elodie-dupont}. */
    static String slug(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String s = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') start++;
        while (end > start && s.charAt(end - 1) == '-') end--;
        return s.substring(start, end);
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The initials of a name of several words: {@code Nexora Research Institute} → {@code NRI}. */
    static String acronym(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("[\\s-]+")) if (!w.isEmpty() && Character.isLetter(w.charAt(0))) sb.append(Character.toUpperCase(w.charAt(0)));
        return sb.toString();
    }

    /** French "de X" with elision and contraction: d'OpenAI, du Monde. */
    static String de(String label) {
        if (label.startsWith("Le ")) return "du " + label.substring(3);
        return startsWithVowel(label) ? "d'" + label : "de " + label;
    }

    static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "AEIOUYÉÈÊÂÎaeiouyéèêâî".indexOf(s.charAt(0)) >= 0;
    }
}
