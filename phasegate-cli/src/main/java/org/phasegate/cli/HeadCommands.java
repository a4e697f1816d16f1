package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.phasegate.problem.TextFile;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.ledger.Audit;
import org.phasegate.store.tree.TreeHead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Signed tree heads (RFC 9162) and rebuilding the served tables: subcommands of {@code ledger}. */
final class HeadCommands {
    private HeadCommands() {
    }

    /** A saved head, or a refusal naming the file and what is wrong with it. */
    static TreeHead read(Path file) {
        String text;
        try {
            text = TextFile.decode(file.toString(), Files.readAllBytes(file));   // invalid UTF-8: a located problem
        } catch (IOException e) {
            throw new StoreException("cannot read the head file " + file + ": " + (Files.notExists(file) ? "no such file" : e.getMessage())
                    + " (save one with: phasegate ledger head > head.json)");
        }
        return TreeHead.parse(text, file.toString());
    }

    /** The audit, or the tampering it found as the command's failure. */
    static Audit audited(Store s) {
        var a = s.audit();
        if (!a.ok()) throw new org.phasegate.store.StoreTampered("ledger TAMPERED: " + a.problem().orElseThrow() + "; no head is given for a store that does not verify ("
                + a.remedy().orElseThrow() + ")");
        return a;
    }

    @Command(name = "head", mixinStandardHelpOptions = true,
            description = "Audits the store and prints its signed tree head as JSON (size, RFC 9162 root hash, time, signatures); --as signs it first. Save it elsewhere and check later with: ledger verify --head FILE.")
    static final class Head extends StoreCommand {
        @Option(names = "--as", description = "Sign the head as this user before printing it") String as;

        @Override
        int run(Store s, PrintWriter out) {
            var a = audited(s);
            if (as != null) s.heads().sign(acting().as(s, as), a.treeSize(), a.root());
            var head = s.heads().head(a.treeSize(), a.root());
            out.println(head.toJson());
            if (head.signatures().isEmpty()) {
                spec.commandLine().getErr().println("phasegate: this head carries no signature yet; users sign it with: phasegate ledger cosign --as USER");
            }
            return 0;
        }
    }

    @Command(name = "cosign", mixinStandardHelpOptions = true,
            description = "A witness (typically a user of another organisation) audits the store and signs its current head; prints the head with all its signatures.")
    static final class Cosign extends StoreCommand {
        @Option(names = "--as", required = true, description = "The signing user") String as;

        @Override
        int run(Store s, PrintWriter out) {
            var a = audited(s);
            var sig = s.heads().sign(acting().as(s, as), a.treeSize(), a.root());
            var head = s.heads().head(a.treeSize(), a.root());
            out.println(head.toJson());
            long orgs = head.signatures().stream().map(TreeHead.Signature::org).distinct().count();
            spec.commandLine().getErr().printf("phasegate: %s (%s) cosigned the head of %d entries; %d organisation%s vouch for it%n",
                    sig.signer(), sig.org(), a.treeSize(), orgs, orgs == 1 ? "" : "s");
            return 0;
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Writes every served table back to what the ledger's entries say (as the database owner, in one transaction); refuses if the entries themselves do not verify."
                    + " Then audits the store: imported rows and head signatures are not derived from the entries, so if one of them was altered it says so and what repairs it, exit 4.")
    static final class Rebuild extends StoreCommand {
        @Override
        int run(Store s, PrintWriter out) throws Exception {
            try (var owner = s.database().ownerConnection()) {
                var rebuilt = s.ledger().rebuildAndAudit(owner);
                for (var c : rebuilt.changed()) {
                    int n = c.inserted() + c.updated() + c.deleted();
                    if (n > 0) out.printf("%-22s %d row%s restored, %d set back, %d removed%n", c.table(), c.inserted(), plural(c.inserted()), c.updated(), c.deleted());
                }
                var after = rebuilt.after();
                if (!after.ok()) {
                    out.flush();
                    throw new org.phasegate.store.StoreTampered((rebuilt.total() == 0 ? "nothing to rebuild: every served table matches the ledger"
                            : "the served tables are rebuilt from the ledger") + ", but the store still does not match it: " + after.problem().orElseThrow()
                            + "; " + after.remedy().orElseThrow());
                }
                out.println(rebuilt.total() == 0 ? "nothing to rebuild: every served table matches the ledger" : "rebuilt from the ledger; phasegate ledger verify now passes");
            }
            return 0;
        }
    }
}
