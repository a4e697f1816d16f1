package org.phasegate.cli;

import java.io.PrintWriter;
import org.phasegate.store.Store;
import org.phasegate.store.tree.Inclusion;
import picocli.CommandLine.Command;

/** {@code record proof ID}: the record's RFC 9162 inclusion proof in the current (audited) tree, as JSON. */
@Command(name = "proof", mixinStandardHelpOptions = true,
        description = "Prints the record's inclusion proof (RFC 9162) in the ledger's current tree as JSON, with the head's signatures; docs/ledger.md says how to check it offline.")
final class RecordProof extends RecordCommand.OnRecord {
    @Override
    int run(Store s, PrintWriter out) {
        out.println(json(s, id));
        return 0;
    }

    /** The record's inclusion proof in the audited tree, with the signed head, as JSON. */
    static String json(Store s, String id) {
        var a = HeadCommands.audited(s);
        var proof = Inclusion.ofRecord(s.database().dataSource(), id, a.treeSize(), a.root());
        return proof.toJson(id, s.heads().head(a.treeSize(), a.root()));
    }
}
