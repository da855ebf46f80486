package org.articlekg.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

/** The documents of a build's text index, as Lucene stores them: one sorted line each, its fields and values. */
public final class LuceneDocs {
    private LuceneDocs() {}

    public static List<String> of(Path build) throws IOException {
        List<String> docs = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(build.resolve(Store.TEXT)); DirectoryReader reader = DirectoryReader.open(dir)) {
            StoredFields stored = reader.storedFields();
            for (int i = 0; i < reader.maxDoc(); i++) {
                Document d = stored.document(i);
                List<String> fields = new ArrayList<>();
                for (IndexableField f : d.getFields()) fields.add(f.name() + "=" + f.stringValue());
                fields.sort(null);
                docs.add(String.join(" | ", fields));
            }
        }
        docs.sort(null);
        return docs;
    }
}
