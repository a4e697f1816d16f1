package org.phasegate.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.phasegate.store.DataKeyRotation;
import org.phasegate.store.Database;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.backup.Backup;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Bench;
import org.phasegate.store.ledger.Ledger;
import org.phasegate.store.tree.TreeHead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "The append-only, signed, hash-chained ledger: verify, head, cosign, rebuild, export, import, backup, restore, rotate-data-key, bench.",
        subcommands = {LedgerCommand.Verify.class, HeadCommands.Head.class, HeadCommands.Cosign.class, HeadCommands.Rebuild.class,
                LedgerCommand.Export.class, LedgerCommand.Import.class, LedgerCommand.BackupCommand.class, LedgerCommand.Restore.class,
                LedgerCommand.RotateDataKey.class, LedgerCommand.BenchCommand.class})
final class LedgerCommand {
    /** Exit code when the ledger does not verify. */
    static final int TAMPERED = 4;

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-checks every entry's hash, chain link and signature (in parallel) and every checkpoint, re-derives every served table from the entries and compares; "
                    + "with --head, proves the ledger is an append-only extension of that head. Names the first problem; exit 4 on any.")
    static final class Verify extends StoreCommand {
        @Option(names = "--head", description = "A head saved from 'phasegate ledger head' (JSON) to prove consistency with") Path head;
        private TreeHead saved;

        @Override
        void check() {
            if (head != null) saved = HeadCommands.read(head);
        }

        @Override
        int run(Store s, PrintWriter out) {
            long t0 = System.nanoTime();
            var a = s.audit();
            double secs = (System.nanoTime() - t0) / 1e9;
            if (!a.ok()) {
                tampered(a.problem().orElseThrow());
                spec.commandLine().getErr().println("what repairs it: " + a.remedy().orElseThrow());
                return TAMPERED;
            }
            var r = a.entries();
            out.printf("ledger OK: %d entries, %d checkpoints; every hash, link and signature verified, every served table matches the ledger (%.2f s)%n",
                    r.entries(), r.checkpoints(), secs);
            out.printf("tree head: %d entries, root %s%n", a.treeSize(), a.rootHex());
            if (saved == null) return 0;
            var check = s.heads().check(saved, a.treeSize(), a.root(), head.toString());
            if (!check.ok()) return tampered(check.problem().orElseThrow());
            out.printf("head %s (%d entries) is consistent: the ledger is an append-only extension of it (consistency proof of %d hashes, RFC 9162)%n",
                    head, saved.treeSize(), check.proofHashes());
            out.printf("vouched for by %d independent organisation%s%s%n", check.organisations().size(), plural(check.organisations().size()),
                    check.signers().isEmpty() ? " (the head carries no signatures)" : ": " + String.join(", ", check.signers()));
            return 0;
        }

        private int tampered(String problem) {
            spec.commandLine().getErr().println("ledger TAMPERED: " + problem);
            return TAMPERED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes every entry as JSON Lines, then the imported rows the import entries commit to"
            + " (public: no private keys, no sealed payloads).")
    static final class Export extends StoreCommand {
        @Option(names = {"-o", "--out"}, description = "Output file (default: standard output)") Path out;

        @Override
        int run(Store s, PrintWriter stdout) throws IOException {
            if (out == null) {
                s.ledger().exportWithRows(stdout);
                stdout.flush();
                return 0;
            }
            org.phasegate.store.ledger.Ledger.Exported n;
            try (var w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                n = s.ledger().exportWithRows(w);
            }
            stdout.printf("exported %d entries and %,d imported rows to %s%n", n.entries(), n.importedRows(), out);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Verifies an export and loads it into this empty store (all or nothing).")
    static final class Import extends StoreCommand {
        @Parameters(index = "0", description = "Export file (JSON Lines)") Path file;

        @Override
        void check() {
            if (Files.notExists(file)) throw new StoreException("no export file " + file);
        }

        @Override
        boolean mayCreate() {
            return true;
        }

        @Override
        int run(Store s, PrintWriter out) {
            var r = s.ledger().importFrom(file.toString(), () -> Files.newInputStream(file));
            out.printf("imported and verified %d entries, %d checkpoints%n", r.entries(), r.checkpoints());
            return 0;
        }
    }

    @Command(name = "rotate-data-key", mixinStandardHelpOptions = true,
            description = "Writes a fresh data key to a new file and re-seals everything sealed under the current one (signing keys' outer layer, confidential parts, the store's secrets) under it, in one transaction (admins only). Use the new key file from then on.")
    static final class RotateDataKey extends StoreCommand {
        @Option(names = "--new-key-file", required = true, description = "Where to write the new key (must not exist; created owner-only)") Path newKeyFile;
        @Option(names = "--as", required = true, description = "Admin") String as;

        @Override
        void check() {
            if (Files.exists(newKeyFile)) throw new StoreException("--new-key-file " + newKeyFile + " exists; name a new file (the key is written there first)");
        }

        @Override
        int run(Store s, PrintWriter out) {
            var admin = acting().as(s, as);
            var fresh = DataKey.fromFile(newKeyFile, true);
            var counts = DataKeyRotation.run(s.database(), store.key(), fresh, admin, Clock.systemUTC(), Ledger.DEFAULT_CHECKPOINT_EVERY);
            out.printf("re-sealed %d signing key%s, %d API token%s, %d confidential part%s and %d secret%s under the new data key in %s (fingerprint %s)%n",
                    counts.userKeys(), plural(counts.userKeys()), counts.apiTokens(), plural(counts.apiTokens()),
                    counts.confidentialParts(), plural(counts.confidentialParts()),
                    counts.secrets(), plural(counts.secrets()), newKeyFile, DataKeyRotation.fingerprint(fresh));
            out.printf("use it from now on: --key-file %s (or PHASEGATE_DATA_KEY); the old key opens only backups made before%n", newKeyFile);
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Writes a complete, encrypted copy of the store (entries, sealed keys and parts) to FILE; restoring it needs this data key. See docs/ledger.md.")
    static final class BackupCommand extends StoreCommand {
        @Parameters(index = "0", description = "Backup file to write (must not exist)") Path file;

        @Override
        void check() {
            if (Files.exists(file)) throw new StoreException("backup file " + file + " exists; name a new file");
        }

        @Override
        int run(Store s, PrintWriter out) throws IOException {
            var partial = file.resolveSibling(file.getFileName() + ".partial");
            Backup.Summary summary;
            try (var raw = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW))) {
                summary = Backup.write(s, store.key(), raw);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            out.printf("backed up %d entries and %d sealed rows to %s (encrypted under the data key %s)%n", summary.entries(), summary.rows(), file,
                    DataKeyRotation.fingerprint(store.key()));
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restores a backup into an empty store (e.g. a new --data-dir), with the data key it was made with: checked and verified first, then written in one transaction.")
    static final class Restore extends StoreCommand {
        @Parameters(index = "0", description = "Backup file") Path file;

        @Override
        void check() {
            if (Files.notExists(file)) throw new StoreException("no backup file " + file);
            Backup.check(store.key(), () -> new BufferedInputStream(Files.newInputStream(file)));   // before a store is created for it
        }

        @Override
        boolean mayCreate() {
            return true;
        }

        @Override
        int run(Store s, PrintWriter out) {
            var summary = Backup.restore(s, store.key(), () -> new BufferedInputStream(Files.newInputStream(file)));
            out.printf("restored and verified %d entries and %d sealed rows from %s%n", summary.entries(), summary.rows(), file);
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Measures signed appends/s and verified entries/s on a temporary embedded database, beside raw JDK and Bouncy Castle Ed25519 rates on all cores, then proof times over --proof-entries entries.")
    static final class BenchCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--entries", defaultValue = "100000", description = "Entries to append and verify (default ${DEFAULT-VALUE})") long entries;
        @Option(names = "--batch", defaultValue = "5000", description = "Entries per committed transaction (default ${DEFAULT-VALUE})") int batch;
        @Option(names = "--seconds", defaultValue = "3", description = "Seconds per raw signature measurement (default ${DEFAULT-VALUE})") double seconds;
        @Option(names = "--proof-entries", defaultValue = "1000000", description = "Ledger size for the proof timings (default ${DEFAULT-VALUE})") long proofEntries;

        @Override
        public Integer call() throws Exception {
            if (entries < 1 || batch < 1 || seconds <= 0) {
                throw new StoreException("--entries, --batch and --seconds must be positive (got " + entries + ", " + batch + ", " + seconds
                        + "); e.g. --entries 100000 --batch 5000 --seconds 3");
            }
            if (proofEntries < 2) {
                throw new StoreException("--proof-entries must be at least 2 (got " + proofEntries + "); e.g. --proof-entries 1000000");
            }
            var dir = Files.createTempDirectory("phasegate-bench");
            var out = spec.commandLine().getOut();
            var load = BenchMachine.loadAverage();
            try (var db = Database.embedded(dir)) {
                var f = Bench.run(db, entries, batch, seconds, proofEntries);
                out.printf("Ed25519 on %d cores (all threads busy; each measured after an unmeasured warm-up run); load average before: %s%n", f.cores(), load);
                out.printf("  raw JDK  sign   %,10.0f /s   verify %,10.0f /s%n", f.jdkSign(), f.jdkVerify());
                out.printf("  raw BC   sign   %,10.0f /s   verify %,10.0f /s%n", f.bcSign(), f.bcVerify());
                out.printf("ledger (%,d entries, %,d per transaction, embedded PostgreSQL on the same machine):%n", f.entries(), batch);
                out.printf("  signed appends  %,10.0f /s   (%.0f%% of raw BC all-core sign; %.1fx raw JDK sign)%n", f.appends(),
                        100 * f.appends() / f.bcSign(), f.appends() / f.jdkSign());
                out.printf("  verified        %,10.0f /s   (entries and every served table re-derived; %.0f%% of raw BC all-core verify; %.1fx raw JDK verify)%n", f.verified(),
                        100 * f.verified() / f.bcVerify(), f.verified() / f.jdkVerify());
                out.printf("  CPU per signature check: raw BC %.1f us, ledger verify %.1f us per entry (%.0f%% efficiency; this JVM's CPU only)%n",
                        f.rawVerifyCpuMicros(), f.ledgerVerifyCpuMicros(), 100 * f.rawVerifyCpuMicros() / f.ledgerVerifyCpuMicros());
                out.printf("RFC 9162 proofs over %,d entries (%d random sizes, each from the database afresh, each verified):%n", f.proofTreeSize(), f.proofs());
                out.printf("  consistency proof  %.2f ms mean, %.2f ms worst; inclusion proof %.2f ms mean%n", f.consistencyMeanMs(), f.consistencyMaxMs(),
                        f.inclusionMeanMs());
                load = BenchMachine.loadAverage();
                out.printf("load average after: %s%n", load);
            } finally {
                BenchMachine.deleteTree(dir);
            }
            return 0;
        }
    }
}
