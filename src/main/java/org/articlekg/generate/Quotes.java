package org.articlekg.generate;

import java.util.Map;
import java.util.SplittableRandom;
import org.apache.jena.graph.Node;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.Labels;
import org.articlekg.load.TableSchema;

/**
 * The words of generated articles: evidence quotes and titles, in English or French. A quote
 * states a claim with the fact's label as {@code ontology/kinds.ttl} declares it (its entities,
 * values, amounts and dates as people read them), introduced by who says it when someone does,
 * and cut to the length the evidence file allows.
 */
final class Quotes {
    private static final String[][] HEADLINES = {
            {"Inside {X}'s latest moves", "Les coulisses de {X}"},
            {"What next for {X}?", "{X} : et maintenant ?"},
            {"{X} under pressure", "{X} sous pression"},
            {"How {X} became a major player", "Comment {X} s'est imposé"},
            {"{X}: the story so far", "{X} : ce qu'il faut savoir"},
            {"The rise and doubts of {X}", "L'ascension et les doutes de {X}"},
            {"Why everyone is talking about {X}", "Pourquoi tout le monde parle de {X}"}};

    /** How an entity's own evidence rows speak of it, by entity kind name; {@code ""} for the others. */
    private static final Map<String, String[]> ABOUT = Map.of(
            "person", new String[] {"{X}, a well-known figure in the sector", "{X}, figure bien connue du secteur"},
            "product", new String[] {"{X}, one of the most talked-about products of the moment",
                    "{X}, l'un des produits les plus commentés du moment"},
            "", new String[] {"{X}, one of the players that matter in the sector", "{X}, l'un des acteurs qui comptent dans le secteur"});

    private final FactModel model;
    private final Labels labels;
    private final Entities entities;
    private final int maxLength;
    private final Column via;
    /** The claim last quoted and its labels in English and French: its evidence rows are written one after the other. */
    private Cells lastClaim;
    private final String[] lastLabels = new String[2];

    Quotes(FactModel model, Entities entities) {
        this.model = model;
        this.labels = new Labels(model);
        this.entities = entities;
        TableSchema evidence = model.evidence();
        this.maxLength = evidence.has("quote") ? evidence.column("quote").maxLength() : 0;
        this.via = evidence.has("via") ? evidence.column("via") : null;
    }

    /** A sentence stating {@code claim} as an article in French or English puts it, with who says it. */
    String of(Cells claim, boolean fr, Attribution a) {
        String label = label(claim, fr);
        String who = a.by() == null ? null : a.by().label(fr);
        String channel = a.via() == null || via == null ? null : concept(via, a.via(), fr ? "fr" : "en");
        String by = who == null ? null : channel == null ? who : who + " (" + channel + ")";
        String mode = a.mode() == null ? (by == null ? "reported" : "attributed") : a.mode();
        String text = switch (mode) {
            case "attributed" -> by == null ? label : (fr ? "Selon " + by + " : " : "According to " + by + ": ") + label;
            case "allegation" -> by == null ? (fr ? "Selon des accusations : " : "Allegedly: ") + label
                    : (fr ? "Accusation " + Names.de(by) + " : " : "Alleged by " + by + ": ") + label;
            case "speculation" -> by == null ? (fr ? "Peut-être : " : "Possibly: ") + label
                    : (fr ? "Hypothèse " + Names.de(by) + " : " : "As " + by + " suggests, possibly: ") + label;
            default -> label;
        };
        return Claims.fit(Names.capitalise(text), maxLength);
    }

    /** The label of a claim in French or English, as the kind's template words it. */
    private String label(Cells claim, boolean fr) {
        if (claim != lastClaim) {
            lastClaim = claim;
            lastLabels[0] = null;
            lastLabels[1] = null;
        }
        int i = fr ? 1 : 0;
        if (lastLabels[i] == null) lastLabels[i] = labels.label(claim.table(), claim.typed(), fr ? "fr" : "en", this::label);
        return lastLabels[i];
    }

    /** A sentence about an entity, for its own evidence rows. */
    String about(Entity e, boolean fr) {
        String[] pattern = ABOUT.getOrDefault(e.kind().name(), ABOUT.get(""));
        return Claims.fit(pattern[fr ? 1 : 0].replace("{X}", e.label(fr)), maxLength);
    }

    /** An article's title about {@code main}. */
    String title(Entity main, boolean fr, SplittableRandom r) {
        String[] h = HEADLINES[r.nextInt(HEADLINES.length)];
        return (fr ? h[1] : h[0]).replace("{X}", main.label(fr));
    }

    /** The label of an entity in a language, or the id of a row that is not one. */
    private String label(String id, String lang) {
        Entity e = entities.find(id);
        return e == null ? id : e.label("fr".equals(lang));
    }

    private String concept(Column c, String value, String lang) {
        Node concept = c.values().get(value);
        String label = concept == null ? null : model.label(concept, lang);
        return label != null ? label : value.replace('_', ' ');
    }
}
