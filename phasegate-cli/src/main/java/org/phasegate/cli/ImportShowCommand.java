package org.phasegate.cli;

import org.phasegate.store.Store;
import org.phasegate.store.ledger.Audit;
import org.phasegate.store.imports.ImportedRowDetail;
import picocli.CommandLine.Command;

/** {@code import show DATASET:SOURCE-ID}: an imported row's values, provenance and inclusion proof, as JSON. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Prints an imported row as JSON: its values, its provenance (dataset, row, licence, attribution, file, who imported it and when)"
                + " and its inclusion proof (as import proof prints it).")
final class ImportShowCommand extends ImportRowCommand {
    @Override
    String json(Store s, String dataset, String sourceId, Audit audited) {
        return ImportedRowDetail.of(s.database().dataSource(), dataset, sourceId, audited.treeSize(), audited.root())
                .toJson(s.heads().head(audited.treeSize(), audited.root()));
    }
}
