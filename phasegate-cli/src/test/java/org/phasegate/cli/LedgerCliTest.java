package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phasegate.cli.CliTest.MINI;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger commands end to end on the real embedded PostgreSQL, as a user runs them: one data directory for the
 * class, each command starting and stopping the server like the real CLI does.
 */
class LedgerCliTest {
    @TempDir static Path dir;
    static Path data;
    static Path key;

    /** Every user's password here (given as both the acting and the new user's password). */
    static final String PASSWORD = "a password for the tests";
    static final Map<String, String> ENV = Map.of("PHASEGATE_PASSWORD", PASSWORD, "PHASEGATE_NEW_PASSWORD", PASSWORD);

    static CliTest.Run run(String... args) {
        return runWith(ENV, args);
    }

    static CliTest.Run runWith(Map<String, String> env, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", data.toString(), "--key-file", key.toString()));
        return CliTest.run(env, all.toArray(String[]::new));
    }

    static String statement(String id, String party) {
        return "{\"id\":\"" + id + "\",\"type\":\"statement\",\"time\":\"2025-01-05T10:00:00Z\",\"party\":\"" + party + "\","
                + "\"attributes\":{\"act\":\"acceptance\"},\"sources\":[{\"url\":\"https://example.org/" + id + "\"}]}";
    }

    @BeforeAll
    static void users() throws Exception {
        data = dir.resolve("phasegate-data");
        key = dir.resolve("data.key");
        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(run("user", "add", "root", "--role", "admin", "--org", "CC").exit()).isZero();
        assertThat(run("org", "add", "UNOPS", "--as", "root").out()).contains("registered organisation UNOPS (id 2)");
        assertThat(run("org", "add", "ICRC", "--as", "root").exit()).isZero();
        assertThat(run("user", "add", "mona", "--role", "monitor", "--org", "UNOPS", "--as", "root").exit()).isZero();
        assertThat(run("user", "add", "nina", "--role", "monitor", "--org", "ICRC", "--as", "root").exit()).isZero();
    }

    @Test
    void records_flow_from_report_to_verified_status_and_through_export_and_import() throws Exception {
        var bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, statement("s1", "north") + "\n" + statement("s2", "nobody") + "\n");
        var refused = run("record", "add", bad.toString(), "--as", "mona", "--scenario", MINI.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains(bad + ":2:1: record 's2': field 'party' has value 'nobody'", "known: donors, north, south")
                .doesNotContain("Exception", "\tat ");

        var good = dir.resolve("good.jsonl");
        Files.writeString(good, statement("s1", "north") + "\n" + statement("s2", "south") + "\n");
        assertThat(run("record", "add", good.toString(), "--as", "mona", "--scenario", MINI.toString()).out()).contains("added 2 records");
        var again = run("record", "add", good.toString(), "--as", "mona", "--scenario", MINI.toString());
        assertThat(again.err()).contains(good + ":1:1: record 's1' already exists", "nothing from this file was written");

        var self = run("record", "attest", "s1", "--as", "mona", "--scenario", MINI.toString());
        assertThat(self.exit()).isEqualTo(2);
        assertThat(self.err()).contains("phasegate: mona reported record 's1' and cannot attest it").doesNotContain("Exception");

        String[] status = {"status", "--scenario", MINI.toString(), "--as-of", "2025-02-01"};
        assertThat(run(status).out()).contains("[closed] accepted");
        assertThat(run("record", "attest", "s1", "--as", "nina", "--scenario", MINI.toString()).out()).contains("now verified");
        assertThat(run("record", "attest", "s2", "--as", "nina", "--scenario", MINI.toString()).exit()).isZero();
        assertThat(run(status).out()).contains("[OPEN  ] accepted");
        assertThat(run("status", "--scenario", MINI.toString(), "--as-of", "2025-02-01", "--role", "boss").err()).contains("--role 'boss' is not one of");
        assertThat(run("status", "--scenario", MINI.toString(), "--as-of", "2025-02-01", "--role", "board").err())
                .contains("--role board does not choose whose view a read shows; the acting user does: give --as USER");
        assertThat(run("record", "list", "--state", "verified", "--scenario", MINI.toString()).out()).contains("s1", "s2", "2 records");

        assertThat(run("ledger", "verify").out()).contains("ledger OK: 9 entries");
        var export = dir.resolve("export.jsonl");
        assertThat(run("ledger", "export", "--out", export.toString()).out()).contains("exported 9 entries");
        var second = CliTest.run("ledger", "import", export.toString(), "--data-dir", dir.resolve("second").toString(), "--key-file", key.toString());
        assertThat(second.out()).contains("imported and verified 9 entries");
        assertThat(CliTest.run("ledger", "verify", "--data-dir", dir.resolve("second").toString(), "--key-file", key.toString()).out())
                .contains("ledger OK: 9 entries");

        var lines = java.nio.file.Files.readAllLines(export);
        var badExport = dir.resolve("export-bad.jsonl");
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            bytes.write(line, 0, i == 3 ? 10 : line.length);
            if (i == 3) bytes.write(0xFF);   // invalid UTF-8 at line 4, column 11
            if (i == 3) bytes.write(line, 10, line.length - 10);
            bytes.write('\n');
        }
        java.nio.file.Files.write(badExport, bytes.toByteArray());
        var third = CliTest.run("ledger", "import", badExport.toString(), "--data-dir", dir.resolve("third").toString(), "--key-file", key.toString());
        assertThat(third.exit()).as(third.err()).isEqualTo(2);
        assertThat(third.err()).startsWith(badExport + ":4:11: not valid UTF-8 (byte 0xFF)").contains("1 problem found.").doesNotContain("Exception");
    }

    @Test
    void verify_names_the_first_tampered_entry_and_exits_4(@TempDir Path other) throws Exception {
        var copy = other.resolve("data");
        String[] where = {"--data-dir", copy.toString(), "--key-file", key.toString()};
        CliTest.run(ENV, concat(new String[] {"user", "add", "root", "--role", "admin", "--org", "CC"}, where));
        CliTest.run(ENV, concat(new String[] {"user", "add", "mona", "--role", "monitor", "--org", "cc", "--as", "root"}, where));
        try (var db = org.phasegate.store.Database.embedded(copy); var c = db.ownerConnection(); var st = c.createStatement()) {
            st.execute("ALTER TABLE ledger_entry DISABLE TRIGGER USER");
            st.execute("UPDATE ledger_entry SET payload = replace(payload, 'monitor', 'admin') WHERE seq = 2");
        }
        var r = CliTest.run(concat(new String[] {"ledger", "verify"}, where));
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("ledger TAMPERED: entry 2: content does not match its hash");
    }

    private static String[] concat(String[] a, String[] b) {
        var out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void registry_commands_find_a_duplicate_claimant() {
        var p1 = run("registry", "enrol", "--document", "GZ-1", "--link", "finger:1", "--as", "mona").out().strip();
        var p2 = run("registry", "enrol", "--document", "GZ-2", "--link", "finger:1", "--as", "mona").out().strip();
        assertThat(p1).startsWith("P-");
        assertThat(run("registry", "enrol", "--document", "gz 1", "--as", "nina").err()).contains("already enrolled");
        var dupes = run("registry", "duplicates");
        assertThat(dupes.exit()).isEqualTo(3);
        assertThat(dupes.out()).contains("same-person", p1, p2);
    }

    @Test
    void the_apis_streamed_export_is_the_cli_export_byte_for_byte_and_imports_and_verifies() throws Exception {
        assertThat(run("user", "add", "omar", "--role", "monitor", "--org", "ICRC", "--as", "root").exit()).isZero();   // at least one entry
        var options = new StoreOptions();
        options.dataDir = data;
        options.keyFile = key;
        String token;
        try (var store = options.open()) {
            token = store.tokens().create("root", PASSWORD, "export", java.util.Set.of("read"), java.time.Duration.ofDays(1)).secret();
        }
        var cliExport = dir.resolve("cli-export.jsonl");
        assertThat(run("ledger", "export", "--out", cliExport.toString()).exit()).isZero();
        byte[] served;
        try (var store = options.open();
             var server = org.phasegate.server.Server.start(store, org.phasegate.server.ScenarioSet.load(List.of(MINI)),
                     org.phasegate.server.ServerConfig.of(0, "127.0.0.1", true), java.time.Clock.systemUTC())) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/v1/ledger/export"))
                    .header("Authorization", "Bearer " + token).build();
            var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/jsonl"));
            served = answer.body();
        }
        var expected = Files.readAllBytes(cliExport);
        assertThat(served).hasSize(expected.length).isEqualTo(expected);
        var servedFile = dir.resolve("served-export.jsonl");
        Files.write(servedFile, served);
        var third = dir.resolve("from-served").toString();
        assertThat(CliTest.run("ledger", "import", servedFile.toString(), "--data-dir", third, "--key-file", key.toString()).out())
                .contains("imported and verified");
        assertThat(CliTest.run("ledger", "verify", "--data-dir", third, "--key-file", key.toString()).out()).contains("ledger OK");
    }
}
