package org.articlekg.load;

import static org.articlekg.load.Kind.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.articlekg.load.TableSchema.Shortcut;
import org.articlekg.vocab.AKG;

/**
 * The schema of every file in {@code data/}, as documented in {@code data/README.md}: the one
 * place that says which columns a file has, how they are checked and how they are written.
 */
public final class Schemas {
    private Schemas() {}

    /** Language tag placeholder for text written in the language of the row's {@code language} column. */
    public static final String ROW_LANGUAGE = "$language";

    static final List<String> QUALIFIERS = List.of("early", "mid", "late", "before", "after", "circa");
    static final List<String> TITLES = List.of("ceo", "president", "chair", "chief_scientist", "board_member",
            "cofounder", "founder", "owner", "head", "researcher", "employee");

    private static final Map<Kind, TableSchema> SCHEMAS = new EnumMap<>(Kind.class);

    static {
        Column label = Column.langText("label_en", RDFS.label.asNode(), "en").asRequired();
        Column labelFr = Column.langText("label_fr", RDFS.label.asNode(), "fr").asRequired();
        Column aliases = Column.of("aliases", ValueType.TEXT_LIST, SKOS.altLabel.asNode());
        Column descEn = Column.langText("description_en", DCTerms.description.asNode(), "en");
        Column descFr = Column.langText("description_fr", DCTerms.description.asNode(), "fr");
        Column id = Column.of("id", ValueType.SLUG, null).asRequired();
        Node type = RDF.type.asNode();

        define(ARTICLE, AKG.Article, List.of(),
                Column.of("id", ValueType.ARTICLE_ID, null).asRequired(),
                Column.langText("title", DCTerms.title.asNode(), ROW_LANGUAGE).asRequired(),
                Column.text("site", AKG.site),
                Column.refs("cites", AKG.cites, ORGANIZATION),
                Column.date("date", AKG.date, AKG.datePrecision),
                Column.concept("date_basis", AKG.dateBasis, "date-basis", List.of("stated", "inferred")),
                Column.of("language", ValueType.LANGUAGE, DCTerms.language.asNode()).asRequired(),
                Column.text("note", RDFS.comment.asNode()));
        define(PERSON, AKG.Person, List.of(), id, label, labelFr, aliases, descEn, descFr);
        define(ORGANIZATION, null, List.of(), id,
                Column.mapped("type", type, ordered("company", AKG.Company, "nonprofit", AKG.Nonprofit,
                        "research_lab", AKG.ResearchLab, "incubator", AKG.Incubator,
                        "media", AKG.MediaOrganization, "other", AKG.Organization)).asRequired(),
                label, labelFr, aliases,
                Column.ref("parent", AKG.parentOrganization, ORGANIZATION),
                descEn, descFr);
        define(PRODUCT, null, List.of(), id,
                Column.mapped("type", type, ordered("ai_model", AKG.AIModel, "application", AKG.Application,
                        "service", AKG.Service, "vehicle", AKG.Vehicle, "other", AKG.Product)).asRequired(),
                label, labelFr, aliases,
                Column.ref("maker", AKG.maker, ORGANIZATION),
                descEn, descFr);

        fact(FOUNDING, AKG.Founding,
                List.of(new Shortcut("founders", AKG.founded, "organization"),
                        new Shortcut("organization", AKG.foundedBy, "founders")),
                (e, l) -> "Founding of " + l.apply(e.string("organization")) + when(e),
                Column.ref("organization", AKG.organization, ORGANIZATION).asRequired(),
                Column.refs("founders", AKG.founder, PERSON, ORGANIZATION).asCompared(),
                dateColumn("date"), qualifier("date_qualifier", AKG.dateQualifier),
                Column.concept("legal_form", AKG.legalForm, "legal-form",
                        List.of("nonprofit", "for_profit", "capped_profit")).asCompared());
        fact(ROLE, AKG.Role, List.of(new Shortcut("person", AKG.affiliatedWith, "organization")),
                (e, l) -> l.apply(e.string("person")) + ": " + words(e.string("title")) + " of "
                        + l.apply(e.string("organization")),
                Column.ref("person", AKG.person, PERSON).asRequired(),
                Column.ref("organization", AKG.organization, ORGANIZATION).asRequired(),
                Column.concept("title", AKG.title, "title", TITLES).asRequired().asCompared(),
                Column.date("start", AKG.startDate, AKG.startPrecision).asCompared(),
                qualifier("start_qualifier", AKG.startQualifier),
                Column.date("end", AKG.endDate, AKG.endPrecision).asCompared(),
                qualifier("end_qualifier", AKG.endQualifier),
                Column.concept("status", AKG.roleStatus, "role-status",
                        List.of("current", "former", "uncertain")).asCompared());
        fact(INVESTMENT, AKG.Investment, List.of(new Shortcut("investor", AKG.investedIn, "investee")),
                (e, l) -> l.apply(e.string("investor")) + " → " + l.apply(e.string("investee")) + ": "
                        + amount(e) + " (" + words(e.string("kind")) + ", " + e.string("status") + ")" + when(e),
                Column.ref("investor", AKG.investor, PERSON, ORGANIZATION).asRequired(),
                Column.ref("investee", AKG.investee, ORGANIZATION).asRequired(),
                Column.of("amount", ValueType.DECIMAL, AKG.amount).asComparedWithBlanks(),
                Column.of("amount_max", ValueType.DECIMAL, AKG.amountMax).asComparedWithBlanks(),
                Column.of("currency", ValueType.CURRENCY, AKG.currency).asCompared(),
                dateColumn("date"), qualifier("date_qualifier", AKG.dateQualifier),
                Column.concept("kind", AKG.investmentKind, "investment-kind",
                        List.of("equity", "donation", "cloud_credits", "pledge", "funding")).asRequired().asCompared(),
                Column.concept("status", AKG.status, "status",
                        List.of("offered", "pledged", "completed", "partial", "rejected", "cancelled")).asRequired().asCompared());
        fact(LAWSUIT, AKG.Lawsuit, List.of(new Shortcut("plaintiffs", AKG.sued, "defendants")),
                (e, l) -> names(e.list("plaintiffs"), l) + " v. " + names(e.list("defendants"), l) + when(e),
                Column.refs("plaintiffs", AKG.plaintiff, PERSON, ORGANIZATION).asRequired().asCompared(),
                Column.refs("defendants", AKG.defendant, PERSON, ORGANIZATION).asRequired().asCompared(),
                dateColumn("date"), qualifier("date_qualifier", AKG.dateQualifier),
                Column.text("allegations", AKG.allegation),
                Column.concept("status", AKG.status, "status", List.of("threatened", "filed", "ongoing",
                        "withdrawn", "dismissed", "settled", "decided")).asRequired().asCompared());
        fact(PROPOSAL, AKG.Proposal, List.of(new Shortcut("proposer", AKG.proposedTo, "target")),
                (e, l) -> capitalised(words(e.string("kind"))) + " proposed by " + l.apply(e.string("proposer"))
                        + (e.string("target") == null ? "" : " to " + l.apply(e.string("target")))
                        + " (" + e.string("status") + ")" + when(e),
                Column.concept("kind", AKG.proposalKind, "proposal-kind", List.of("takeover", "merger",
                        "acquisition", "partnership", "licence", "restructuring", "offer")).asRequired().asCompared(),
                Column.ref("proposer", AKG.proposer, PERSON, ORGANIZATION).asRequired(),
                Column.ref("target", AKG.target, PERSON, ORGANIZATION),
                Column.refs("parties", AKG.party, PERSON, ORGANIZATION, PRODUCT),
                dateColumn("date"), qualifier("date_qualifier", AKG.dateQualifier),
                Column.concept("status", AKG.status, "status", List.of("proposed", "accepted", "completed",
                        "rejected", "abandoned", "withdrawn")).asRequired().asCompared(),
                Column.text("terms", AKG.terms));
        fact(DEPARTURE, AKG.Departure, List.of(new Shortcut("person", AKG.left, "organization")),
                (e, l) -> l.apply(e.string("person")) + " leaves " + l.apply(e.string("organization"))
                        + (e.string("title") == null ? "" : " (" + words(e.string("title")) + ")") + when(e),
                Column.ref("person", AKG.person, PERSON).asRequired(),
                Column.ref("organization", AKG.organization, ORGANIZATION).asRequired(),
                Column.concept("title", AKG.title, "title", TITLES).asCompared(),
                dateColumn("date"), qualifier("date_qualifier", AKG.dateQualifier),
                Column.text("reason", AKG.reason));
        fact(OBSERVATION, AKG.Observation, List.of(),
                (e, l) -> l.apply(e.string("subject")) + " " + words(e.string("measure")) + ": "
                        + words(e.string("bound")) + " " + plain(e.decimal("value")) + " " + e.string("unit") + when(e),
                Column.ref("subject", AKG.subject, ORGANIZATION, PRODUCT, PERSON).asRequired(),
                Column.concept("measure", AKG.measure, "measure", List.of("valuation", "market_capitalisation",
                        "daily_active_users", "weekly_active_users", "users")).asRequired(),
                Column.of("value", ValueType.DECIMAL, AKG.value).asRequired().asCompared(),
                Column.concept("bound", AKG.bound, "bound",
                        List.of("exact", "at_least", "at_most", "approximate")).asRequired().asCompared(),
                Column.of("unit", ValueType.CURRENCY, AKG.unit).asRequired().asCompared(),
                dateColumn("date"), qualifier("date_qualifier", AKG.dateQualifier));
        fact(RELEASE, AKG.Release, List.of(new Shortcut("organization", AKG.released, "product")),
                (e, l) -> l.apply(e.string("product")) + " " + words(e.string("kind")) + " by "
                        + l.apply(e.string("organization")) + when(e),
                Column.ref("product", AKG.product, PRODUCT).asRequired(),
                Column.ref("organization", AKG.organization, ORGANIZATION).asRequired(),
                Column.concept("kind", AKG.releaseKind, "release-kind",
                        List.of("launch", "private_launch", "announcement", "integration")).asRequired().asCompared(),
                dateColumn("date"), qualifier("date_qualifier", AKG.dateQualifier));

        List<Kind> citable = new ArrayList<>(List.of(Kind.values()));
        citable.removeAll(List.of(ARTICLE, EVIDENCE));
        define(EVIDENCE, AKG.Evidence, List.of(),
                Column.ref("fact", null, citable.toArray(Kind[]::new)).asRequired(),
                Column.ref("article", AKG.statedIn, ARTICLE).asRequired(),
                Column.text("quote", AKG.quote).asRequired());
    }

    /** The schema of a file. */
    public static TableSchema of(Kind kind) {
        return SCHEMAS.get(kind);
    }

    /** Unit column values other than currency codes. */
    static final List<String> NON_CURRENCY_UNITS = List.of("people");

    /** The most characters an evidence quote may have. */
    public static final int MAX_QUOTE_LENGTH = 160;

    private static void define(Kind kind, Node rdfClass, List<Shortcut> shortcuts, Column... columns) {
        SCHEMAS.put(kind, new TableSchema(kind, List.of(columns), rdfClass, shortcuts, null));
    }

    private static void fact(Kind kind, Node rdfClass, List<Shortcut> shortcuts, TableSchema.FactLabel label,
                             Column... columns) {
        List<Column> all = new ArrayList<>();
        all.add(Column.of("id", ValueType.SLUG, null).asRequired());
        all.add(Column.of("event", ValueType.SLUG, null));
        all.addAll(List.of(columns));
        all.add(Column.text("note", AKG.note));
        SCHEMAS.put(kind, new TableSchema(kind, all, rdfClass, shortcuts, label));
    }

    /** A map in the order given (Map.of's order changes from run to run; messages list these values). */
    private static Map<String, Node> ordered(Object... keysAndValues) {
        Map<String, Node> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], (Node) keysAndValues[i + 1]);
        return m;
    }

    private static Column dateColumn(String name) {
        return Column.date(name, AKG.date, AKG.datePrecision).asCompared();
    }

    private static Column qualifier(String name, Node predicate) {
        return Column.concept(name, predicate, "qualifier", QUALIFIERS).asCompared();
    }

    // Pieces of fact labels.

    private static String when(Entry e) {
        PartialDate date = e.date("date") != null ? e.date("date") : e.date("start");
        if (date == null) return "";
        String q = e.string("date_qualifier") != null ? e.string("date_qualifier") : e.string("start_qualifier");
        return " (" + (q == null ? "" : q + " ") + date + ")";
    }

    private static String amount(Entry e) {
        BigDecimal amount = e.decimal("amount");
        if (amount == null) return "amount not stated";
        BigDecimal max = e.decimal("amount_max");
        return plain(amount) + (max == null ? "" : "–" + plain(max)) + " " + e.string("currency");
    }

    private static String plain(BigDecimal d) {
        return d == null ? "?" : d.stripTrailingZeros().toPlainString();
    }

    private static String words(String csvValue) {
        return csvValue == null ? "" : csvValue.replace('_', ' ');
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String names(List<String> ids, Function<String, String> labelOf) {
        return ids.stream().map(labelOf).collect(Collectors.joining(", "));
    }

}
