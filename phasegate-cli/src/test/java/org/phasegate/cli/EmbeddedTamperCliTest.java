package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.store.Database;

/**
 * The embedded server in a data directory, as the CLI runs it (a start and stop per command): a superuser edits a
 * user's role and then removes the newest entries; {@code ledger verify --head} names each, {@code ledger rebuild}
 * repairs the served tables, and reads are refused meanwhile.
 */
class EmbeddedTamperCliTest {
    @TempDir Path dir;

    private CliTest.Run run(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString(), "--key-file", dir.resolve("data.key").toString()));
        return CliTest.run(LedgerCliTest.ENV, all.toArray(String[]::new));
    }

    private void sql(String statement) throws Exception {
        try (var db = Database.embedded(dir.resolve("data")); var c = db.ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.execute(statement);
        }
    }

    @Test
    void tampering_is_named_refused_and_repaired() throws Exception {
        Files.writeString(dir.resolve("data.key"), Base64.getEncoder().encodeToString(new byte[32]));
        try (var db = Database.embedded(dir.resolve("data"))) {
            Populate.into(db);
        }
        var head = dir.resolve("head.json");
        var signed = run("ledger", "head", "--as", "root");
        assertThat(signed.exit()).as(signed.err()).isZero();
        Files.writeString(head, signed.out());

        sql("UPDATE app_user SET role = 'admin' WHERE name = 'mona'");
        var edited = run("ledger", "verify", "--head", head.toString());
        assertThat(edited.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(edited.err()).isEqualTo("ledger TAMPERED: table app_user, key name='mona', column role: stored 'admin', the ledger says 'monitor' (entry 6)\n"
                + "what repairs it: phasegate ledger rebuild restores the served tables from the ledger's entries\n");
        var read = run("record", "list");
        assertThat(read.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(read.err()).contains("nothing is read from or written to it", "column role");
        var rebuilt = run("ledger", "rebuild");
        assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
        assertThat(rebuilt.out()).contains("app_user", "1 set back", "rebuilt from the ledger; phasegate ledger verify now passes");

        sql("DELETE FROM ledger_entry WHERE seq > (SELECT max(seq) - 2 FROM ledger_entry)");
        var truncated = run("ledger", "verify", "--head", head.toString());
        assertThat(truncated.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(truncated.err()).contains("ledger TAMPERED: table head_signature", "signs a head of");
        sql("DELETE FROM head_signature");
        var shorter = run("ledger", "verify", "--head", head.toString());
        assertThat(shorter.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(shorter.err()).contains(head + " is a head of ", "were removed (truncated or rolled back)");
    }

    /**
     * Audit finding 6: an imported row altered with its content hash recomputed. Verify, every guarded command and
     * rebuild agree that the store does not hold and that rebuild cannot repair it (exit 4 each); the remedy they name,
     * restoring a backup made before into a new data directory, gives a store that verifies with the original row.
     */
    @Test
    void an_altered_imported_row_is_refused_everywhere_and_restored_from_a_backup() throws Exception {
        Files.writeString(dir.resolve("data.key"), Base64.getEncoder().encodeToString(new byte[32]));
        try (var db = Database.embedded(dir.resolve("data"))) {
            Populate.into(db);
        }
        var backup = dir.resolve("before.backup");
        var made = run("ledger", "backup", backup.toString());
        assertThat(made.exit()).as(made.err()).isZero();

        sql("UPDATE import_row SET content = replace(content, '34.5', '34.9') WHERE source_id = 'line-1'");
        sql("UPDATE import_row SET content_hash = sha256(convert_to(dataset, 'UTF8') || '\\x00'::bytea || convert_to(source_id, 'UTF8')"
                + " || '\\x00'::bytea || convert_to(content, 'UTF8')) WHERE source_id = 'line-1'");

        var verify = run("ledger", "verify");
        assertThat(verify.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(verify.err()).startsWith("ledger TAMPERED: table import_row, import ").contains("(a row was altered, re-ordered or replaced)\n"
                + "what repairs it: imported rows cannot be rebuilt from the ledger").contains("phasegate ledger restore BACKUP --data-dir NEW-DIR");
        var read = run("record", "list");
        assertThat(read.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(read.err()).contains("nothing is read from or written to it: table import_row, import ", "imported rows cannot be rebuilt from the ledger",
                "phasegate ledger restore BACKUP --data-dir NEW-DIR").doesNotContain("ledger rebuild restores");

        var rebuild = run("ledger", "rebuild");
        assertThat(rebuild.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(rebuild.out()).doesNotContain("verify now passes").doesNotContain("matches the ledger\n");
        assertThat(rebuild.err()).startsWith("phasegate: nothing to rebuild: every served table matches the ledger, but the store still does not match it:"
                + " table import_row, import ").contains("imported rows cannot be rebuilt from the ledger", "phasegate ledger restore BACKUP");
        assertThat(run("ledger", "verify").exit()).as("rebuild left it refused, and says so").isEqualTo(LedgerCommand.TAMPERED);

        var restoredDir = dir.resolve("restored");
        var restored = CliTest.run(LedgerCliTest.ENV, "ledger", "restore", backup.toString(), "--data-dir", restoredDir.toString(),
                "--key-file", dir.resolve("data.key").toString());
        assertThat(restored.exit()).as(restored.err()).isZero();
        var clean = CliTest.run(LedgerCliTest.ENV, "ledger", "verify", "--data-dir", restoredDir.toString(), "--key-file", dir.resolve("data.key").toString());
        assertThat(clean.exit()).as(clean.err()).isZero();
        try (var db = Database.embedded(restoredDir); var c = db.ownerConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT content FROM import_row WHERE source_id = 'line-1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("34.5").doesNotContain("34.9");
        }
    }
}
