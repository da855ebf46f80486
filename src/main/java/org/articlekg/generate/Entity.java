package org.articlekg.generate;

import java.util.Objects;
import org.articlekg.load.Kind;

/**
 * A generated person, organisation or product: what the generator keeps of it in memory to refer
 * to it and quote it.
 *
 * @param id the row id
 * @param kind its kind: {@code person}, {@code organization} or {@code product}
 * @param type the {@code type} cell (organisations and products), or null for persons
 * @param labelEn the English label
 * @param labelFr the French label
 * @param related the parent (organisations) or maker (products), or null
 * @param popularity relative weight when picking entities for facts (Zipf-like: a few large, most small)
 */
record Entity(String id, Kind kind, String type, String labelEn, String labelFr, Entity related, double popularity) {
    Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (!(popularity > 0)) throw new IllegalArgumentException("popularity must be positive: " + popularity);
    }

    String label(boolean french) { return french ? labelFr : labelEn; }

    /** Ids are unique across all files, so the id alone says which entity this is. */
    @Override
    public boolean equals(Object o) { return o instanceof Entity e && e.id.equals(id); }

    @Override
    public int hashCode() { return id.hashCode(); }

    @Override
    public String toString() { return id; }
}
