package org.articlekg.generate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.articlekg.load.Schemas;

/**
 * The words of generated articles: evidence quotes that state a claim (in English or French,
 * naming its entities, at most {@value Schemas#MAX_QUOTE_LENGTH} characters) and titles. Articles
 * reporting one claim word it in one of a few ways.
 */
final class Quotes {
    /** How many wordings {@link #of} has for a claim. */
    static final int VARIANTS = 3;

    private static final Map<String, String[]> TITLES = Map.ofEntries(
            Map.entry("ceo", new String[] {"CEO", "PDG"}),
            Map.entry("president", new String[] {"president", "président"}),
            Map.entry("chair", new String[] {"chair", "président du conseil"}),
            Map.entry("chief_scientist", new String[] {"chief scientist", "directeur scientifique"}),
            Map.entry("board_member", new String[] {"board member", "membre du conseil d'administration"}),
            Map.entry("cofounder", new String[] {"co-founder", "cofondateur"}),
            Map.entry("founder", new String[] {"founder", "fondateur"}),
            Map.entry("owner", new String[] {"owner", "propriétaire"}),
            Map.entry("head", new String[] {"head", "dirigeant"}),
            Map.entry("researcher", new String[] {"researcher", "chercheur"}),
            Map.entry("employee", new String[] {"employee", "salarié"}));

    private static final Map<String, String[]> PROPOSAL_KINDS = Map.of(
            "takeover", new String[] {"a takeover", "une prise de contrôle"},
            "merger", new String[] {"a merger", "une fusion"},
            "acquisition", new String[] {"an acquisition", "une acquisition"},
            "partnership", new String[] {"a partnership", "un partenariat"},
            "licence", new String[] {"a licence deal", "un accord de licence"},
            "restructuring", new String[] {"a restructuring", "une restructuration"},
            "offer", new String[] {"an offer", "une offre"});

    private static final Map<String, String[]> PROPOSAL_OUTCOMES = Map.of(
            "accepted", new String[] {", which was accepted", ", proposition acceptée"},
            "completed", new String[] {", since completed", ", opération depuis finalisée"},
            "rejected", new String[] {", which was turned down", ", proposition rejetée"},
            "abandoned", new String[] {", later abandoned", ", projet ensuite abandonné"},
            "withdrawn", new String[] {", later withdrawn", ", proposition ensuite retirée"});

    private static final Map<String, String[]> LEGAL_FORMS = Map.of(
            "nonprofit", new String[] {" as a non-profit", " sous forme d'organisation à but non lucratif"},
            "for_profit", new String[] {" as a for-profit company", " sous forme d'entreprise à but lucratif"},
            "capped_profit", new String[] {" as a capped-profit company", " avec des profits plafonnés"});

    private static final Map<String, String[]> BOUNDS = Map.of(
            "at_least", new String[] {"more than ", "plus de "},
            "at_most", new String[] {"up to ", "jusqu'à "},
            "approximate", new String[] {"about ", "environ "});

    private static final String[][] HEADLINES = {
            {"Inside {X}'s latest moves", "Les coulisses de {X}"},
            {"What next for {X}?", "{X} : et maintenant ?"},
            {"{X} under pressure", "{X} sous pression"},
            {"How {X} became a major player", "Comment {X} s'est imposé"},
            {"{X}: the story so far", "{X} : ce qu'il faut savoir"},
            {"The rise and doubts of {X}", "L'ascension et les doutes de {X}"},
            {"Why everyone is talking about {X}", "Pourquoi tout le monde parle de {X}"}};

    private final Entities entities;

    Quotes(Entities entities) {
        this.entities = entities;
    }

    /** A sentence stating {@code claim}, worded in one of {@link #VARIANTS} ways. */
    String of(Cells claim, boolean fr, int variant) {
        String sentence = sentence(claim, fr);
        String when = when(claim, fr);
        String text = switch (when == null ? 2 : variant % VARIANTS) {
            case 0 -> sentence + " " + when;
            case 1 -> Names.capitalise(when) + ", " + sentence;
            default -> sentence;
        };
        return fit(Names.capitalise(text));
    }

    /** A sentence about an entity, for its own evidence rows. */
    String about(Entity e, boolean fr) {
        String label = e.label(fr);
        String text = switch (e.kind()) {
            case PERSON -> fr ? label + ", figure bien connue du secteur" : label + ", a well-known figure in the sector";
            case PRODUCT -> fr ? label + ", l'un des produits les plus commentés du moment"
                    : label + ", one of the most talked-about products of the moment";
            default -> fr ? label + ", l'un des acteurs qui comptent dans le secteur" : label + ", one of the players that matter in the sector";
        };
        return fit(text);
    }

    /** An article's title about {@code main}. */
    String title(Entity main, boolean fr, SplittableRandom r) {
        String[] h = HEADLINES[r.nextInt(HEADLINES.length)];
        return (fr ? h[1] : h[0]).replace("{X}", main.label(fr));
    }

    private String sentence(Cells c, boolean fr) {
        return switch (c.kind()) {
            case FOUNDING -> founding(c, fr);
            case ROLE -> role(c, fr);
            case INVESTMENT -> investment(c, fr);
            case LAWSUIT -> lawsuit(c, fr);
            case PROPOSAL -> proposal(c, fr);
            case DEPARTURE -> departure(c, fr);
            case OBSERVATION -> observation(c, fr);
            case RELEASE -> release(c, fr);
            default -> throw new IllegalArgumentException("not a fact kind: " + c.kind());
        };
    }

    /** The time phrase of a claim, or null when it is undated. */
    private static String when(Cells c, boolean fr) {
        if (c.kind() == org.articlekg.load.Kind.ROLE) {
            if (!c.has("start")) return null;
            String start = Dates.words(c.get("start"), fr);
            if (c.has("end")) {
                String end = Dates.words(c.get("end"), fr);
                return fr ? "de " + start + " à " + end : "from " + start + " to " + end;
            }
            return fr ? "depuis " + start : "since " + start;
        }
        return c.has("date") ? Dates.when(c.get("date"), c.get("date_qualifier"), fr) : null;
    }

    private String founding(Cells c, boolean fr) {
        String org = label(c.get("organization"), fr);
        String legal = c.has("legal_form") ? pick(LEGAL_FORMS, c.get("legal_form"), fr, "") : "";
        List<String> founders = c.list("founders");
        if (founders.isEmpty()) return fr ? org + " a été fondée" + legal : org + " was founded" + legal;
        String by = names(founders, fr);
        return fr ? org + " a été fondée par " + by + legal : org + " was founded by " + by + legal;
    }

    private String role(Cells c, boolean fr) {
        String person = label(c.get("person"), fr);
        String org = label(c.get("organization"), fr);
        String title = pick(TITLES, c.get("title"), fr, c.get("title").replace('_', ' '));
        String status = c.get("status");
        if (fr) {
            if ("former".equals(status)) return person + ", ancien " + title + " " + Names.de(org);
            if ("uncertain".equals(status)) return person + ", qui serait toujours " + title + " " + Names.de(org);
            if ("current".equals(status)) return person + " est " + title + " " + Names.de(org);
            return person + ", " + title + " " + Names.de(org);
        }
        if ("former".equals(status)) return person + ", formerly " + title + " of " + org;
        if ("uncertain".equals(status)) return person + ", who may still be " + title + " of " + org;
        if ("current".equals(status)) return person + " is " + title + " of " + org;
        return person + ", " + title + " of " + org;
    }

    private String investment(Cells c, boolean fr) {
        String investor = label(c.get("investor"), fr);
        String investee = label(c.get("investee"), fr);
        String sum = c.has("amount") ? (c.has("amount_max")
                ? (fr ? "entre " : "between ") + number(c.get("amount"), fr) + (fr ? " et " : " and ")
                        + figure(c.get("amount_max"), c.get("currency"), fr)
                : figure(c.get("amount"), c.get("currency"), fr))
                : (fr ? "une somme non précisée" : "an undisclosed sum");
        String kind = c.get("kind");
        String status = c.get("status");
        if (fr) {
            return switch (status) {
                case "offered" -> investor + " a proposé " + sum + " " + Names.a(investee);
                case "pledged" -> investor + " a promis " + sum + " " + Names.a(investee);
                case "partial" -> investor + " n'a versé qu'une partie des " + sum + " promis " + Names.a(investee);
                case "rejected" -> investee + " a refusé " + sum + " de " + investor;
                case "cancelled" -> investor + " a annulé son engagement de " + sum + " envers " + investee;
                default -> switch (kind) {
                    case "donation" -> investor + " a fait un don de " + sum + " " + Names.a(investee);
                    case "cloud_credits" -> investor + " a accordé " + sum + " de crédits cloud " + Names.a(investee);
                    default -> investor + " a investi " + sum + " dans " + investee;
                };
            };
        }
        return switch (status) {
            case "offered" -> investor + " offered " + sum + " to " + investee;
            case "pledged" -> investor + " pledged " + sum + " to " + investee;
            case "partial" -> investor + " paid only part of the " + sum + " it promised " + investee;
            case "rejected" -> investee + " turned down " + sum + " from " + investor;
            case "cancelled" -> investor + " cancelled its " + sum + " commitment to " + investee;
            default -> switch (kind) {
                case "donation" -> investor + " donated " + sum + " to " + investee;
                case "cloud_credits" -> investor + " gave " + investee + " " + sum + " in cloud credits";
                default -> investor + " invested " + sum + " in " + investee;
            };
        };
    }

    private String lawsuit(Cells c, boolean fr) {
        String p = names(c.list("plaintiffs"), fr);
        String d = names(c.list("defendants"), fr);
        if (fr) {
            return switch (c.get("status")) {
                case "threatened" -> p + " a menacé de poursuivre " + d + " en justice";
                case "filed" -> p + " a porté plainte contre " + d;
                case "withdrawn" -> p + " a retiré sa plainte contre " + d;
                case "dismissed" -> "la plainte de " + p + " contre " + d + " a été rejetée";
                case "settled" -> p + " et " + d + " ont conclu un accord à l'amiable";
                case "decided" -> "la justice a tranché le litige entre " + p + " et " + d;
                default -> p + " poursuit " + d + " en justice";
            };
        }
        return switch (c.get("status")) {
            case "threatened" -> p + " threatened to sue " + d;
            case "filed" -> p + " filed a lawsuit against " + d;
            case "withdrawn" -> p + " withdrew the lawsuit against " + d;
            case "dismissed" -> "the lawsuit of " + p + " against " + d + " was dismissed";
            case "settled" -> p + " and " + d + " settled their legal dispute";
            case "decided" -> "a court ruled on the case between " + p + " and " + d;
            default -> p + " is suing " + d;
        };
    }

    private String proposal(Cells c, boolean fr) {
        String proposer = label(c.get("proposer"), fr);
        String kind = pick(PROPOSAL_KINDS, c.get("kind"), fr, c.get("kind").replace('_', ' '));
        String target = c.has("target") ? label(c.get("target"), fr) : null;
        String outcome = pick(PROPOSAL_OUTCOMES, c.get("status"), fr, "");
        if (fr) return proposer + " a proposé " + kind + (target == null ? "" : " " + Names.a(target)) + outcome;
        return proposer + " proposed " + kind + (target == null ? "" : " to " + target) + outcome;
    }

    private String departure(Cells c, boolean fr) {
        String person = label(c.get("person"), fr);
        String org = label(c.get("organization"), fr);
        if (c.has("title")) {
            String title = pick(TITLES, c.get("title"), fr, c.get("title").replace('_', ' '));
            return fr ? person + " a quitté son poste de " + title + " chez " + org
                    : person + " stepped down as " + title + " of " + org;
        }
        return fr ? person + " a quitté " + org : person + " left " + org;
    }

    private String observation(Cells c, boolean fr) {
        String subject = label(c.get("subject"), fr);
        String bound = pick(BOUNDS, c.get("bound"), fr, "");
        String figure = bound + figure(c.get("value"), c.get("unit"), fr);
        return switch (c.get("measure")) {
            case "valuation" -> subject + (fr ? " est valorisée à " : " is valued at ") + figure;
            case "market_capitalisation" -> subject + (fr ? " pèse en Bourse " : " has a market capitalisation of ") + figure;
            case "daily_active_users" -> subject + (fr ? " compte " + figure + " par jour" : " has " + figure + " a day");
            case "weekly_active_users" -> subject + (fr ? " compte " + figure + " par semaine" : " has " + figure + " a week");
            default -> subject + (fr ? " compte " : " has ") + figure;
        };
    }

    private String release(Cells c, boolean fr) {
        String org = label(c.get("organization"), fr);
        String product = label(c.get("product"), fr);
        return switch (c.get("kind")) {
            case "private_launch" -> fr ? org + " a ouvert " + product + " à un groupe restreint de testeurs"
                    : org + " opened " + product + " to a small group of testers";
            case "announcement" -> fr ? org + " a annoncé " + product : org + " announced " + product;
            case "integration" -> fr ? org + " a intégré " + product + " à ses produits" : org + " built " + product + " into its products";
            default -> fr ? org + " a lancé " + product : org + " launched " + product;
        };
    }

    private String label(String id, boolean fr) {
        return entities.byId(id).label(fr);
    }

    /** Labels joined as a reader would: {@code A, B and C}. */
    private String names(List<String> ids, boolean fr) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) sb.append(i == ids.size() - 1 ? (fr ? " et " : " and ") : ", ");
            sb.append(label(ids.get(i), fr));
        }
        return sb.toString();
    }

    private static String pick(Map<String, String[]> words, String value, boolean fr, String otherwise) {
        String[] w = words.get(value);
        return w == null ? otherwise : w[fr ? 1 : 0];
    }

    /** A figure as articles write it: {@code 1.5 billion dollars}, {@code 1,5 milliard de dollars}. */
    static String figure(String amount, String unit, boolean fr) {
        String n = number(amount, fr);
        String noun = unitNoun(unit, fr);
        if (fr && (n.endsWith("million") || n.endsWith("millions") || n.endsWith("milliard") || n.endsWith("milliards"))) {
            return n + (Names.startsWithVowel(noun) ? " d'" : " de ") + noun;
        }
        return n + " " + noun;
    }

    /** A number with its scale word: {@code 1.5 billion}, {@code 1,5 milliard}, {@code 250 thousand}. */
    static String number(String amount, boolean fr) {
        BigDecimal v = new BigDecimal(amount);
        int shift = v.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0 ? 9
                : v.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0 ? 6
                : v.compareTo(BigDecimal.valueOf(1_000L)) >= 0 ? 3 : 0;
        String n = v.movePointLeft(shift).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
        String scaleWord = "";
        if (shift > 0) {
            BigDecimal scaled = v.movePointLeft(shift);
            scaleWord = fr ? frenchScale(shift, scaled) : shift == 9 ? "billion" : shift == 6 ? "million" : "thousand";
        }
        return (fr ? n.replace('.', ',') : n) + (scaleWord.isEmpty() ? "" : " " + scaleWord);
    }

    private static String frenchScale(int shift, BigDecimal scaled) {
        boolean plural = scaled.compareTo(BigDecimal.valueOf(2)) >= 0;
        return switch (shift) {
            case 9 -> plural ? "milliards" : "milliard";
            case 6 -> plural ? "millions" : "million";
            default -> "mille";
        };
    }

    private static String unitNoun(String unit, boolean fr) {
        return switch (unit) {
            case "people" -> fr ? "utilisateurs" : "users";
            case "USD" -> "dollars";
            case "EUR" -> "euros";
            case "GBP" -> fr ? "livres sterling" : "pounds";
            default -> unit;
        };
    }

    /** Cuts a sentence that is too long at a word boundary, to fit an evidence quote. */
    static String fit(String text) {
        int max = Schemas.MAX_QUOTE_LENGTH;
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max);
        return (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max)).strip();
    }
}
