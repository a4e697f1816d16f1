package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phasegate.cli.CliTest.MINI;
import static org.phasegate.cli.LedgerCliTest.ENV;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords, acting users' views, organisations, deactivation and record show, as a user runs them. */
class IdentityCliTest {
    @TempDir Path dir;

    private CliTest.Run run(Map<String, String> env, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString(), "--key-file", dir.resolve("data.key").toString()));
        return CliTest.run(env, all.toArray(String[]::new));
    }

    private CliTest.Run run(String... args) {
        return run(ENV, args);
    }

    @Test
    void who_acts_and_whose_view_is_shown_come_from_passwords_not_flags() throws Exception {
        Files.writeString(dir.resolve("data.key"), Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(run("user", "add", "root", "--role", "admin", "--org", "CC").exit()).isZero();
        run("org", "add", "UNOPS", "--as", "root");
        var duplicate = run("org", "add", "ｕｎｏｐｓ ", "--as", "root");
        assertThat(duplicate.exit()).isEqualTo(2);
        assertThat(duplicate.err()).contains("organisation 'UNOPS' (id 2) is already registered; 'ｕｎｏｐｓ' is the same name");
        run("org", "add", "ICRC", "--as", "root");
        run("user", "add", "mona", "--role", "monitor", "--org", "unops", "--as", "root");
        run("user", "add", "nina", "--role", "monitor", "--org", "ICRC", "--as", "root");
        run("user", "add", "tim", "--role", "monitor", "--org", "ICRC", "--as", "root");
        var records = dir.resolve("r.jsonl");
        Files.writeString(records, LedgerCliTest.statement("s1", "north").replace("}]}", "}],\"confidentiality\":\"restricted\"}") + "\n");

        var wrong = run(Map.of("PHASEGATE_PASSWORD", "not mona's password"), "record", "add", records.toString(), "--as", "mona", "--scenario", MINI.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("phasegate: wrong password for mona (this attempt was recorded)\n");
        assertThat(run("record", "add", records.toString(), "--as", "mona", "--scenario", MINI.toString()).exit()).isZero();

        assertThat(run("record", "list", "--scenario", MINI.toString()).out()).isEqualTo("0 records\n");
        assertThat(run("record", "list", "--role", "admin", "--scenario", MINI.toString()).err()).contains("--role admin does not choose whose view");
        assertThat(run("record", "list", "--as", "nina", "--scenario", MINI.toString()).out())
                .contains("s1", "reported", "by mona (UNOPS), 0 of 1 attestation, restricted", "1 record");
        assertThat(run("record", "show", "s1", "--as", "nina", "--scenario", MINI.toString()).out())
                .contains("state        reported", "needs        1 independent organisation other than UNOPS; has 0 attestations",
                        "still needs  1 more, from any of: ICRC", "source       https://example.org/s1",
                        "RFC 9162 inclusion proof", "\"recordId\" : \"s1\"", "\"inclusionPath\"", "\"rootHash\"", "\"signatures\"");

        assertThat(run("user", "deactivate", "tim", "--as", "root", "--reason", "left").out()).contains("tim is deactivated");
        assertThat(run("record", "attest", "s1", "--as", "tim", "--scenario", MINI.toString()).err())
                .isEqualTo("phasegate: user 'tim' is deactivated and cannot act\n");
        assertThat(run("user", "list").out()).contains("mona             monitor  UNOPS  (1 failed sign-in)", "tim              monitor  ICRC  (deactivated)");
        var verify = run("ledger", "verify");
        assertThat(verify.out()).as(verify.err()).contains("ledger OK");

        var backup = dir.resolve("store.backup");
        assertThat(run("ledger", "backup", backup.toString()).out()).contains("backed up", "and 5 sealed rows to " + backup);
        var elsewhere = new String[] {"--data-dir", dir.resolve("restored").toString(), "--key-file", dir.resolve("data.key").toString()};
        assertThat(CliTest.run(ENV, concat(new String[] {"ledger", "restore", backup.toString()}, elsewhere)).out()).contains("restored and verified");
        assertThat(CliTest.run(ENV, concat(new String[] {"ledger", "verify"}, elsewhere)).out()).contains("ledger OK");
        Files.writeString(records, LedgerCliTest.statement("s2", "north") + "\n");
        assertThat(CliTest.run(ENV, concat(new String[] {"record", "add", records.toString(), "--as", "mona", "--scenario", MINI.toString()}, elsewhere)).exit()).isZero();
        assertThat(CliTest.run(ENV, concat(new String[] {"record", "attest", "s2", "--as", "nina", "--scenario", MINI.toString()}, elsewhere)).out())
                .contains("nina attested s2; it is now verified");
    }

    private static String[] concat(String[] a, String[] b) {
        var out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
