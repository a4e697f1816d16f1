package org.phasegate.cli;

import java.io.PrintWriter;
import org.phasegate.store.Store;
import org.phasegate.store.imports.Imports;
import picocli.CommandLine.Command;

/** {@code import list}: every import in the store. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the imports in the store: id, kind, dataset, rows, state, file and its SHA-256.")
final class ImportListCommand extends StoreCommand {
    @Override
    int run(Store s, PrintWriter out) {
        var all = s.imports();
        if (all.isEmpty()) out.println("no imports (see: phasegate import --help)");
        for (var i : all) {
            out.printf("import %d  %-10s %-40s %,9d rows  %s, %s  %s (sha256 %s)%n", i.id(), i.kind(), i.dataset(), i.rows(), i.state(), i.origin(), i.file(),
                    i.fileSha256().substring(0, 16) + "…");
        }
        return 0;
    }
}
