package org.phasegate.cli;

import java.io.PrintWriter;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.imports.ImportProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import proof DATASET:SOURCE-ID}: the row's proof of inclusion in its import and the import's in the ledger, as JSON. */
@Command(name = "proof", mixinStandardHelpOptions = true,
        description = "Prints an imported row's inclusion proof as JSON: the row in its import's Merkle tree, and the import's entry in the ledger's tree (RFC 9162); docs/importing.md says how to check it offline.")
final class ImportProofCommand extends StoreCommand {
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
        var proof = ImportProof.of(s.database().dataSource(), rowId.substring(0, colon), rowId.substring(colon + 1), a.treeSize(), a.root());
        out.println(proof.toJson(s.heads().head(a.treeSize(), a.root())));
        return 0;
    }
}
