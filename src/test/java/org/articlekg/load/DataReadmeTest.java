package org.articlekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekg.DataFixture;
import org.junit.jupiter.api.Test;

/**
 * data/README.md documents the declarations of ontology/kinds.ttl for people who edit the CSV files:
 * every file has its section, every column its row, with the values allowed and whether it is
 * required as declared, so the documentation cannot drift from the declarations.
 */
class DataReadmeTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyDeclaredFileAndColumnIsDocumentedAsDeclared() throws IOException {
        String readme = Files.readString(Path.of("data", "README.md"));
        List<String> wrong = new ArrayList<>();
        for (TableSchema t : DataFixture.MODEL.tables()) {
            String file = t.kind().fileName();
            int at = readme.indexOf("### `" + file + "`");
            if (at < 0) at = readme.indexOf("(`" + file + "`)");   // "## Articles (`articles.csv`)"
            if (at < 0) {
                wrong.add(file + ": no section");
                continue;
            }
            int end = readme.indexOf("\n##", at + 1);
            String section = readme.substring(at, end < 0 ? readme.length() : end);
            for (Column c : t.columns()) {
                if (List.of("id", "event", "note").contains(c.name())) continue;
                String row = section.lines().filter(l -> l.startsWith("| ") && codes(l.split(" \\| ")[0]).contains(c.name()))
                        .findFirst().orElse(null);
                if (row == null) {
                    wrong.add(file + " " + c.name() + ": no row");
                    continue;
                }
                String[] cells = row.split("(?<!\\\\)\\|");
                if (cells.length > 3 && cells[3].strip().startsWith("yes") != c.required()) {
                    wrong.add(file + " " + c.name() + ": documented required '" + cells[3].strip() + "', declared " + c.required());
                }
                // "date, qualifier" and "as in roles" refer to values documented once, elsewhere
                boolean shared = cells.length > 2 && (cells[2].contains("qualifier") || cells[2].contains("as in "));
                if (c.type() == ValueType.ENUM && !c.values().isEmpty() && cells.length > 2 && !shared) {
                    Set<String> documented = codes(cells[2]);
                    if (!documented.equals(c.values().keySet())) {
                        wrong.add(file + " " + c.name() + ": documented " + documented + ", declared " + c.values().keySet());
                    }
                }
            }
        }
        assertTrue(DataFixture.MODEL.tables().size() >= 16, "tables: " + DataFixture.MODEL.tables().size());
        assertEquals(List.of(), wrong);
    }

    private static Set<String> codes(String cell) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) codes.add(m.group(1));
        return codes;
    }
}
