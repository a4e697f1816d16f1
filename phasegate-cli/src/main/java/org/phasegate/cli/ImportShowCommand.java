package org.phasegate.cli;

import java.io.PrintWriter;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.imports.ImportedRowDetail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import show DATASET:SOURCE-ID}: an imported row's values, provenance and inclusion proof, as JSON. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints an imported row as JSON: its values, its provenance (dataset, row, licence, attribution, file, who imported it and when)"
                + " and its inclusion proof (as import proof prints it).")
final class ImportShowCommand extends StoreCommand {
    @Parameters(index = "0", description = "DATASET:SOURCE-ID, e.g. acled-monthly-political-violence:PS0260:2026-04") String rowId;

    @Override
    void check() {
        int colon = rowId.indexOf(':');
        if (colon < 1 || colon == rowId.length() - 1) throw new StoreException("ROWID '" + rowId + "' is not DATASET:SOURCE-ID (see: phasegate import list)");
    }

    @Override
    int run(Store s, PrintWriter out) {
        var a = HeadCommands.audited(s);
        int colon = rowId.indexOf(':');
        var row = ImportedRowDetail.of(s.database().dataSource(), rowId.substring(0, colon), rowId.substring(colon + 1), a.treeSize(), a.root());
        out.println(row.toJson(s.heads().head(a.treeSize(), a.root())));
        return 0;
    }
}
