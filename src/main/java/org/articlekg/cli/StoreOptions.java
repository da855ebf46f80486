package org.articlekg.cli;

import java.nio.file.Path;
import org.articlekg.store.Store;
import picocli.CommandLine.Option;

/** The option saying where built graphs are kept. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "Folder of built graphs (default: var/ in the project).")
    Path store;

    Store store() {
        return new Store(store != null ? store : KgCommand.home().resolve("var"));
    }
}
