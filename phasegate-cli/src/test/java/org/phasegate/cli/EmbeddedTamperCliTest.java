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
        assertThat(edited.err()).isEqualTo("ledger TAMPERED: table app_user, key name='mona', column role: stored 'admin', the ledger says 'monitor' (entry 6)\n");
        var read = run("record", "list");
        assertThat(read.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(read.err()).contains("nothing is read from or written to it", "column role");
        assertThat(run("ledger", "rebuild").out()).contains("app_user", "1 set back");

        sql("DELETE FROM ledger_entry WHERE seq > (SELECT max(seq) - 2 FROM ledger_entry)");
        var truncated = run("ledger", "verify", "--head", head.toString());
        assertThat(truncated.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(truncated.err()).contains("ledger TAMPERED: table head_signature", "signs a head of");
        sql("DELETE FROM head_signature");
        var shorter = run("ledger", "verify", "--head", head.toString());
        assertThat(shorter.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(shorter.err()).contains(head + " is a head of ", "were removed (truncated or rolled back)");
    }
}
