package org.articlekg.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;
import org.articlekg.load.TableSchema;

/**
 * The persons, organisations and products of a generated corpus: made up, written to their files
 * as they are made, and kept (ids, labels, types) to be picked for facts. Their number grows
 * with the number of articles; each gets a Zipf-like popularity, so that picking from a
 * {@link Pool} returns a few entities very often and most rarely.
 */
final class Entities {
    /** Exponent of the Zipf-like popularity: the entity of rank k weighs 1/k^s. */
    static final double ZIPF_EXPONENT = 1.0;

    private static final String[][] COUNTRIES = {
            {"France", "France"}, {"United States", "États-Unis"}, {"United Kingdom", "Royaume-Uni"},
            {"Germany", "Allemagne"}, {"Canada", "Canada"}, {"Japan", "Japon"}, {"China", "Chine"},
            {"India", "Inde"}, {"Switzerland", "Suisse"}, {"Israel", "Israël"}};

    private static final String[][] PERSON_DESCRIPTIONS = {
            {"Entrepreneur and investor.", "Entrepreneur et investisseur."},
            {"AI researcher.", "Chercheur en intelligence artificielle."},
            {"Technology executive.", "Dirigeant d’entreprise technologique."},
            {"Software engineer.", "Ingénieur logiciel."},
            {"Venture capitalist.", "Investisseur en capital-risque."},
            {"Technology journalist.", "Journaliste spécialisé en technologie."},
            {"Lawyer specialised in technology.", "Avocat spécialisé dans les technologies."},
            {"Economist.", "Économiste."},
            {"Politician.", "Responsable politique."}};

    /** Name patterns per organisation type: English and French, {@code {B}} standing for the brand. */
    private static final Map<String, String[][]> ORG_NAMES = Map.of(
            "company", new String[][] {{"{B}", "{B}"}, {"{B} AI", "{B} AI"}, {"{B} Labs", "{B} Labs"},
                    {"{B} Systems", "{B} Systems"}, {"{B} Technologies", "{B} Technologies"},
                    {"{B} Robotics", "{B} Robotics"}, {"{B} Motors", "{B} Motors"}},
            "research_lab", new String[][] {{"{B} Research", "{B} Research"}, {"{B} Institute", "Institut {B}"},
                    {"{B} AI Lab", "Laboratoire {B}"}},
            "nonprofit", new String[][] {{"{B} Foundation", "Fondation {B}"}, {"{B} Alliance", "Alliance {B}"},
                    {"{B} Initiative", "Initiative {B}"}},
            "incubator", new String[][] {{"{B} Ventures", "{B} Ventures"}, {"{B} Accelerator", "Accélérateur {B}"},
                    {"{B} Capital", "{B} Capital"}},
            "media", new String[][] {{"{B} News", "{B} News"}, {"{B} Daily", "{B} Daily"}, {"The {B}", "Le {B}"},
                    {"{B} Tech", "{B} Tech"}},
            "other", new String[][] {{"{B} Group", "Groupe {B}"}, {"{B} Agency", "Agence {B}"},
                    {"{B} Council", "Conseil {B}"}});

    private static final Map<String, String[]> ORG_DESCRIPTIONS = Map.of(
            "company", new String[] {"Technology company", "Entreprise technologique"},
            "research_lab", new String[] {"AI research laboratory", "Laboratoire de recherche en IA"},
            "nonprofit", new String[] {"Non-profit organisation", "Organisation à but non lucratif"},
            "incubator", new String[] {"Start-up incubator and investor", "Incubateur et investisseur de start-up"},
            "media", new String[] {"Technology news outlet", "Média d’actualité technologique"},
            "other", new String[] {"Organisation", "Organisation"});

    /** Name patterns per product type: English and French, {@code {B}} the brand, {@code {N}} a number. */
    private static final Map<String, String[][]> PRODUCT_NAMES = Map.of(
            "ai_model", new String[][] {{"{B}-{N}", "{B}-{N}"}, {"{B} {N}", "{B} {N}"}, {"{B}", "{B}"}},
            "application", new String[][] {{"{B} Chat", "{B} Chat"}, {"{B} Assistant", "Assistant {B}"}, {"{B}", "{B}"}},
            "service", new String[][] {{"{B} Cloud", "{B} Cloud"}, {"{B} API", "API {B}"}, {"{B} Search", "{B} Search"}},
            "vehicle", new String[][] {{"{B} Model {N}", "{B} Model {N}"}, {"{B} Robotaxi", "Robotaxi {B}"}},
            "other", new String[][] {{"{B} Kit", "Kit {B}"}, {"{B} Chip", "Puce {B}"}, {"{B} Plug-ins", "Plug-ins {B}"}});

    private static final Map<String, String[]> PRODUCT_DESCRIPTIONS = Map.of(
            "ai_model", new String[] {"AI model", "Modèle d’IA"},
            "application", new String[] {"Application", "Application"},
            "service", new String[] {"Online service", "Service en ligne"},
            "vehicle", new String[] {"Vehicle", "Véhicule"},
            "other", new String[] {"Product", "Produit"});

    final List<Entity> persons;
    final List<Entity> organizations;
    final List<Entity> products;

    /** Media organisations: the sites of articles and the outlets they cite. */
    final Pool media;

    private final Map<String, Entity> byId = new HashMap<>();
    private final Map<Set<Kind>, Pool> participants = new HashMap<>();

    private Entities(List<Entity> persons, List<Entity> organizations, List<Entity> products) {
        this.persons = List.copyOf(persons);
        this.organizations = List.copyOf(organizations);
        this.products = List.copyOf(products);
        for (List<Entity> l : List.of(persons, organizations, products)) for (Entity e : l) byId.put(e.id(), e);
        media = Pool.of(organizations, e -> e.type().equals("media"));
    }

    /** How many persons, organisations and products a corpus of {@code articles} articles has. */
    static int[] counts(int articles) {
        return new int[] {Math.max(8, articles / 2), Math.max(16, articles / 3), Math.max(10, articles / 5)};
    }

    /**
     * Makes the entities of a corpus of {@code articles} articles, writing each row to {@code out}:
     * the kinds {@code person}, {@code organization} and {@code product} of the model.
     */
    static Entities generate(int articles, SplittableRandom r, CsvTables out, FactModel model) {
        int[] counts = counts(articles);
        Set<String> used = new HashSet<>();
        Pattern reserved = reserved(model);
        List<Entity> organizations = organizations(counts[1], r, used, reserved, out, model.schema("organization"));
        List<Entity> persons = persons(counts[0], r, used, reserved, out, model.schema("person"));
        Pool makers = Pool.of(organizations, e -> e.type().equals("company") || e.type().equals("research_lab"));
        List<Entity> products = products(counts[2], r, used, reserved, makers, out, model.schema("product"));
        return new Entities(persons, organizations, products);
    }

    /** Ids that articles, claims and events get, which entities must not take. */
    private static Pattern reserved(FactModel model) {
        List<String> prefixes = new ArrayList<>(List.of("event"));
        for (TableSchema t : model.facts()) prefixes.add(Pattern.quote(t.kind().name()));
        return Pattern.compile("a\\d+|(" + String.join("|", prefixes) + ")(-\\d+)+");
    }

    Entity byId(String id) {
        Entity e = byId.get(id);
        if (e == null) throw new IllegalArgumentException("no entity " + id);
        return e;
    }

    /** The entity with this id, or null. */
    Entity find(String id) {
        return byId.get(id);
    }

    /**
     * The entities of some kinds that take part in facts, by popularity: every person and product,
     * and the organisations other than media (which report facts rather than take part in them),
     * unless there are no others. Null when none of the kinds is an entity kind made here.
     */
    Pool participants(Set<Kind> kinds) {
        return participants.computeIfAbsent(kinds, ks -> {
            List<Entity> members = new ArrayList<>();
            for (List<Entity> l : List.of(persons, organizations, products)) {
                for (Entity e : l) if (ks.contains(e.kind()) && !"media".equals(e.type())) members.add(e);
            }
            if (members.isEmpty()) for (Entity e : organizations) if (ks.contains(e.kind())) members.add(e);
            return members.isEmpty() ? null : new Pool(members);
        });
    }

    private static List<Entity> organizations(int count, SplittableRandom r, Set<String> used, Pattern reserved, CsvTables out,
                                              TableSchema schema) {
        Choice<String> types = Choice.column(schema, "type", 5,
                "company", 50, "research_lab", 10, "nonprofit", 8, "incubator", 6, "media", 16, "other", 6);
        double[] popularity = popularities(count, r);
        List<Entity> all = new ArrayList<>();
        List<Entity> parents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // The first rows take every type in turn, so that even a tiny corpus has each.
            String type = i < 2 * types.values().size() ? types.values().get(i % types.values().size()) : types.pick(r);
            String[][] patterns = ORG_NAMES.getOrDefault(type, new String[][] {{"{B}", "{B}"}});
            String brand = null;
            String[] pattern = null;
            String id = null;
            for (int attempt = 0; attempt < 5 && id == null; attempt++) {
                brand = Names.brand(r);
                pattern = patterns[r.nextInt(patterns.length)];
                String candidate = Names.slug(pattern[0].replace("{B}", brand));
                if (!used.contains(candidate) && !reserved.matcher(candidate).matches()) id = candidate;
            }
            String labelEn = pattern[0].replace("{B}", brand);
            String labelFr = pattern[1].replace("{B}", brand);
            if (id == null) id = uniqueId(Names.slug(labelEn), used, reserved);
            used.add(id);
            Entity parent = null;
            if (!parents.isEmpty() && !type.equals("media") && r.nextInt(100) < 12) {
                parent = parents.get(r.nextInt(parents.size()));
            }
            List<String> aliases = new ArrayList<>();
            if (!labelEn.equals(brand) && r.nextInt(100) < 25) aliases.add(brand);
            String acronym = Names.acronym(labelEn);
            if (acronym.length() >= 2 && r.nextInt(100) < 20) aliases.add(acronym);
            Entity e = new Entity(id, schema.kind(), type, labelEn, labelFr, parent, popularity[i]);
            Cells row = out.row(schema.kind()).set("id", id).set("type", type).set("label_en", labelEn)
                    .set("label_fr", labelFr).setList("aliases", aliases).set("parent", parent == null ? null : parent.id());
            if (r.nextInt(100) < 75) describe(row, ORG_DESCRIPTIONS.getOrDefault(type, new String[] {"Organisation", "Organisation"}), r);
            out.write(row);
            all.add(e);
            if (type.equals("company")) parents.add(e);
        }
        return all;
    }

    private static List<Entity> persons(int count, SplittableRandom r, Set<String> used, Pattern reserved, CsvTables out,
                                        TableSchema schema) {
        double[] popularity = popularities(count, r);
        List<Entity> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String first = null;
            String last = null;
            String id = null;
            for (int attempt = 0; attempt < 5 && id == null; attempt++) {
                first = Names.firstName(r);
                last = Names.surname(r);
                String candidate = Names.slug(first + " " + last);
                if (!used.contains(candidate) && !reserved.matcher(candidate).matches()) id = candidate;
            }
            String label = first + " " + last;
            if (id == null) id = uniqueId(Names.slug(label), used, reserved);
            used.add(id);
            List<String> aliases = new ArrayList<>();
            int a = r.nextInt(100);
            if (a < 40) aliases.add(last);
            if (a >= 30 && a < 45) aliases.add(first.charAt(0) + ". " + last);
            Cells row = out.row(schema.kind()).set("id", id).set("label_en", label).set("label_fr", label)
                    .setList("aliases", aliases);
            if (r.nextInt(100) < 70) {
                String[] d = PERSON_DESCRIPTIONS[r.nextInt(PERSON_DESCRIPTIONS.length)];
                row.set("description_en", d[0]).set("description_fr", d[1]);
            }
            out.write(row);
            all.add(new Entity(id, schema.kind(), null, label, label, null, popularity[i]));
        }
        return all;
    }

    private static List<Entity> products(int count, SplittableRandom r, Set<String> used, Pattern reserved, Pool makers,
                                         CsvTables out, TableSchema schema) {
        Choice<String> types = Choice.column(schema, "type", 5,
                "ai_model", 35, "application", 28, "service", 20, "vehicle", 5, "other", 12);
        double[] popularity = popularities(count, r);
        List<Entity> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String type = i < 2 * types.values().size() ? types.values().get(i % types.values().size()) : types.pick(r);
            String[][] patterns = PRODUCT_NAMES.getOrDefault(type, new String[][] {{"{B}", "{B}"}});
            String labelEn = null;
            String labelFr = null;
            String id = null;
            for (int attempt = 0; attempt < 5 && id == null; attempt++) {
                String brand = Names.brand(r);
                String number = Integer.toString(1 + r.nextInt(9));
                String[] pattern = patterns[r.nextInt(patterns.length)];
                labelEn = pattern[0].replace("{B}", brand).replace("{N}", number);
                labelFr = pattern[1].replace("{B}", brand).replace("{N}", number);
                String candidate = Names.slug(labelEn);
                if (!used.contains(candidate) && !reserved.matcher(candidate).matches()) id = candidate;
            }
            if (id == null) id = uniqueId(Names.slug(labelEn), used, reserved);
            used.add(id);
            Entity maker = r.nextInt(100) < 92 ? makers.pick(r) : null;
            List<String> aliases = new ArrayList<>();
            if (labelEn.contains("-") && r.nextInt(100) < 30) aliases.add(labelEn.replace('-', ' '));
            if (!labelFr.equals(labelEn)) aliases.add(labelFr);
            Cells row = out.row(schema.kind()).set("id", id).set("type", type).set("label_en", labelEn)
                    .set("label_fr", labelFr).setList("aliases", aliases).set("maker", maker == null ? null : maker.id());
            if (r.nextInt(100) < 70) {
                String[] d = PRODUCT_DESCRIPTIONS.getOrDefault(type, new String[] {"Product", "Produit"});
                String[] by = maker == null ? new String[] {"", ""}
                        : new String[] {" by " + maker.labelEn(), " " + Names.de(maker.labelFr())};
                row.set("description_en", d[0] + by[0] + ".").set("description_fr", d[1] + by[1] + ".");
            }
            out.write(row);
            all.add(new Entity(id, schema.kind(), type, labelEn, labelFr, maker, popularity[i]));
        }
        return all;
    }

    private static void describe(Cells row, String[] what, SplittableRandom r) {
        String[] country = COUNTRIES[r.nextInt(COUNTRIES.length)];
        row.set("description_en", what[0] + " (" + country[0] + ").").set("description_fr", what[1] + " (" + country[1] + ").");
    }

    /** {@code base}, or {@code base-2}, {@code base-3} … whichever is free. */
    private static String uniqueId(String base, Set<String> used, Pattern reserved) {
        if (base.isEmpty()) base = "x";
        String id = base;
        for (int k = 2; used.contains(id) || reserved.matcher(id).matches(); k++) id = base + "-" + k;
        return id;
    }

    /** Zipf-like weights 1/rank^s, the ranks dealt out at random so that popularity does not follow row order. */
    private static double[] popularities(int count, SplittableRandom r) {
        int[] rank = new int[count];
        for (int i = 0; i < count; i++) rank[i] = i;
        for (int i = count - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        double[] w = new double[count];
        for (int i = 0; i < count; i++) w[i] = 1.0 / Math.pow(rank[i] + 1, ZIPF_EXPONENT);
        return w;
    }
}
