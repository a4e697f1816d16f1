package org.phasegate.cli;

import java.io.PrintWriter;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.ledger.Audit;
import picocli.CommandLine.Parameters;

/** The commands about one imported row, named {@code DATASET:SOURCE-ID}, answered as JSON against the audited store's head. */
abstract class ImportRowCommand extends StoreCommand {
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
        out.println(json(s, rowId.substring(0, colon), rowId.substring(colon + 1), a));
        return 0;
    }

    abstract String json(Store s, String dataset, String sourceId, Audit audited);
}
