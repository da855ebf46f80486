package org.articlekg.server;

import java.nio.file.Path;
import java.util.function.Function;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.articlekg.load.Iris;
import org.articlekg.store.Store;

/**
 * The build being served: its folder, the base IRI it was built with, and Fuseki's data service.
 * {@link #read(Function)} runs a read on it counted as an active request, so a swap to a newer
 * build does not close this one while the read is running.
 *
 * @param build the build folder
 * @param base the base IRI its entities were minted under
 * @param service the data service answering for it
 */
public record ServedGraph(Path build, String base, DataService service) {
    /** Reads with the dataset in a read transaction. */
    public <T> T read(Function<DatasetGraph, T> reader) {
        DatasetGraph dsg = service.getDataset();
        service.startTxn(TxnType.READ);
        try {
            return Txn.calculateRead(dsg, () -> reader.apply(dsg));
        } finally {
            service.finishTxn();
        }
    }

    /** The IRIs of this build. */
    public Iris iris() {
        return new Iris(base);
    }

    /** The base IRI recorded in a build folder (the default when the build has no record). */
    static String baseOf(Path build) {
        String base = Store.baseOf(build);
        return base == null ? Iris.DEFAULT_BASE : base;
    }
}
