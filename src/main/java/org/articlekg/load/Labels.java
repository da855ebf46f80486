package org.articlekg.load;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.ibm.icu.text.CompactDecimalFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.articlekg.KgException;

/**
 * Fact and event labels in English and French, from the Mustache templates of
 * {@code ontology/kinds.ttl}: each cell as people read it (an entity's label, a concept's label,
 * {@code USD 10 billion} / {@code 10 milliards USD}, {@code early 2018} / {@code début 2018}), the
 * exact values staying in the data.
 */
public final class Labels {
    /** The languages every fact is labelled in. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    /** French elision before a vowel: "de OpenAI" is written "d’OpenAI". */
    private static final java.util.regex.Pattern ELISION =
            java.util.regex.Pattern.compile("\\b([dDlLjJ])[eE] ([AEIOUYÉÈÊaeiouyéèê])");

    /** What a value the claims of an event disagree on reads as, in the word order of each language: "disputed amount", "montant en litige". */
    private static final Map<String, String> DISPUTED = Map.of("en", "disputed %s", "fr", "%s en litige");

    private final FactModel model;
    private final Map<String, Mustache> templates = new HashMap<>();
    private final DefaultMustacheFactory factory = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value); // labels are plain text: pages escape them when they print them
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    public Labels(FactModel model) {
        this.model = model;
        for (TableSchema t : model.facts()) {
            for (Map.Entry<String, String> l : t.labels().entrySet()) {
                String key = t.kind().name() + "@" + l.getKey();
                try {
                    templates.put(key, factory.compile(new StringReader(l.getValue()), key));
                } catch (MustacheException e) {
                    throw new KgException("ontology/kinds.ttl: kd:" + t.kind().name() + ": label template (" + l.getKey()
                            + ") is not valid Mustache: " + e.getMessage());
                }
            }
        }
    }

    /**
     * The label of a fact (or of an event, given the values its claims agree on) in a language.
     *
     * @param values typed values by column, as in {@link Entry#values()}
     * @param entityLabel the label of an id in a language
     */
    public String label(TableSchema table, Map<String, Object> values, String lang, BiFunction<String, String, String> entityLabel) {
        return label(table, values, java.util.Set.of(), lang, entityLabel);
    }

    /**
     * The label of an event whose claims conflict on some columns: those read as what is disputed
     * ("disputed amount", "montant en litige") instead of a value, so the label takes no side.
     */
    public String label(TableSchema table, Map<String, Object> values, java.util.Set<String> disputed, String lang,
                        BiFunction<String, String, String> entityLabel) {
        Mustache m = templates.get(table.kind().name() + "@" + lang);
        if (m == null) m = templates.get(table.kind().name() + "@en");
        Map<String, String> scope = new HashMap<>();
        for (Column c : table.columns()) {
            if (disputed.contains(c.name())) {
                // "disputed amount", "montant en litige": says what is disputed without taking a side
                String what = c.predicate() == null ? null : model.label(c.predicate(), lang);
                String phrase = DISPUTED.getOrDefault(lang, DISPUTED.get("en"));
                scope.put(c.name(), what == null ? phrase.replace("%s", "").strip() : phrase.formatted(what));
                continue;
            }
            Object v = values.get(c.name());
            if (v == null) continue;
            String shown = show(table, c, v, values, lang, entityLabel);
            if (shown != null && !shown.isEmpty()) scope.put(c.name(), shown);
        }
        StringWriter out = new StringWriter();
        m.execute(out, scope);
        String label = out.toString().strip();
        if ("fr".equals(lang)) label = ELISION.matcher(label).replaceAll("$1’$2");
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private String show(TableSchema table, Column c, Object v, Map<String, Object> values, String lang,
                        BiFunction<String, String, String> entityLabel) {
        return switch (c.type()) {
            case REF, REFS -> list(v).stream().map(id -> entityLabel.apply(id, lang)).collect(Collectors.joining(", "));
            case ENUM -> concept(c.values().get((String) v), (String) v, lang);
            case DATE -> {
                String date = date((PartialDate) v, lang);
                Object q = c.qualifier() == null ? null : values.get(c.qualifier());
                if (q == null) yield date;
                String qualifier = concept(table.column(c.qualifier()).values().get((String) q), (String) q, lang);
                yield qualifier + " " + date;
            }
            case DECIMAL -> {
                String unit = c.unit() == null ? null : (String) values.get(c.unit());
                BigDecimal max = c.upperBound() == null ? null : (BigDecimal) values.get(c.upperBound());
                yield amount((BigDecimal) v, max, unit, lang);
            }
            case TEXT_LIST -> String.join(", ", list(v));
            default -> v.toString();
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object v) {
        return v instanceof List<?> l ? (List<String>) l : List.of((String) v);
    }

    private String concept(Node concept, String csvValue, String lang) {
        String label = concept == null ? null : model.label(concept, lang);
        return label != null ? label : csvValue.replace('_', ' ');
    }

    /** A date as people write it: {@code 2018}, {@code March 2018} / {@code mars 2018}, {@code 11 March 2019}. */
    public static String date(PartialDate d, String lang) {
        return switch (d.precision()) {
            case YEAR -> d.iso();
            case MONTH -> YearMonth.parse(d.iso()).format(FORMATTERS.computeIfAbsent("MMMM yyyy@" + lang,
                    k -> DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag(lang))));
            case DAY -> LocalDate.parse(d.iso()).format(FORMATTERS.computeIfAbsent("d MMMM yyyy@" + lang,
                    k -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(lang))));
        };
    }

    /** Date formatters by pattern and language (immutable, shared). */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Compact number formats by language, one set per thread (they are not thread-safe). */
    private static final ThreadLocal<Map<Locale, CompactDecimalFormat>> COMPACT = ThreadLocal.withInitial(HashMap::new);

    /**
     * An amount as people write it, with its currency: {@code USD 10 billion},
     * {@code 10 milliards USD}, {@code USD 50 million – 100 million}. Other units (a count of
     * people) are left to the template, which names what is counted.
     */
    public static String amount(BigDecimal value, BigDecimal max, String unit, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        String figure = compact(value, locale) + (max == null ? "" : " – " + compact(max, locale));
        boolean currency = unit != null && unit.length() == 3 && unit.chars().allMatch(Character::isUpperCase);
        if (!currency) return figure;
        return lang.equals("en") ? unit + " " + figure : figure + " " + unit;
    }

    /**
     * {@code 10 billion}, {@code 10 milliards}, {@code 2.5 million}: the figure cut (never rounded
     * up) to two decimals of its scale, so that 999,999,999 reads 999.99 million, not 1 billion.
     */
    private static String compact(BigDecimal value, Locale locale) {
        CompactDecimalFormat f = COMPACT.get().computeIfAbsent(locale, l -> {
            CompactDecimalFormat n = CompactDecimalFormat.getInstance(ULocale.forLocale(l), CompactDecimalFormat.CompactStyle.LONG);
            n.setMaximumFractionDigits(2);
            n.setRoundingMode(com.ibm.icu.math.BigDecimal.ROUND_DOWN);
            return n;
        });
        return f.format(value).replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
