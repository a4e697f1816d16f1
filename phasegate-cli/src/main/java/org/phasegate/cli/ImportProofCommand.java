package org.phasegate.cli;

import org.phasegate.store.Store;
import org.phasegate.store.ledger.Audit;
import org.phasegate.store.imports.ImportProof;
import picocli.CommandLine.Command;

/** {@code import proof DATASET:SOURCE-ID}: the row's proof of inclusion in its import and the import's in the ledger, as JSON. */
@Command(name = "proof", mixinStandardHelpOptions = true,
        description = "Prints an imported row's inclusion proof as JSON: the row in its import's Merkle tree, and the import's entry in the ledger's tree (RFC 9162); docs/importing.md says how to check it offline.")
final class ImportProofCommand extends ImportRowCommand {
    @Override
    String json(Store s, String dataset, String sourceId, Audit audited) {
        return ImportProof.of(s.database().dataSource(), dataset, sourceId, audited.treeSize(), audited.root())
                .toJson(s.heads().head(audited.treeSize(), audited.root()));
    }
}
