package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.store.Database;
import org.phasegate.store.projection.Projections;
import org.phasegate.store.projection.Table;

/**
 * On a separately started PostgreSQL given by --db: a superuser with the triggers off deletes a row of, or edits a
 * column in, every served table, then the newest ledger entries; each time {@code ledger verify --head} exits 4 and
 * names what differs, and {@code ledger rebuild} puts the served tables back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalDbTamperCliTest {
    @TempDir static Path dir;
    static EmbeddedPostgres pg;
    static String url;
    static Path key;
    static Path head;

    static CliTest.Run run(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", url, "--key-file", key.toString()));
        return CliTest.run(LedgerCliTest.ENV, all.toArray(String[]::new));
    }

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres&password=postgres";
        key = dir.resolve("data.key");
        Files.writeString(key, java.util.Base64.getEncoder().encodeToString(new byte[32]));
        Populate.into(Database.external(url, null, null));
        var cosigned = run("ledger", "cosign", "--as", "nina");
        assertThat(cosigned.exit()).as(cosigned.err()).isZero();
        head = dir.resolve("head.json");
        Files.writeString(head, cosigned.out());
        var ok = run("ledger", "verify", "--head", head.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("is consistent", "vouched for by 1 independent organisation: nina (ICRC)");
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static void sql(String... statements) throws Exception {
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            for (var s : statements) st.execute(s);
        }
    }

    static Stream<Arguments> tampering() {
        return Projections.TABLES.stream().flatMap(t -> Stream.of(Arguments.of(t, true), Arguments.of(t, false)));
    }

    @Order(0)
    @Test
    void a_record_proof_checks_offline_by_the_documented_procedure() throws Exception {
        var r = run("record", "proof", "inc-1");
        assertThat(r.exit()).as(r.err()).isZero();
        var p = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        var hex = java.util.HexFormat.of();
        // 1. the entry body hashes to the entry hash, and says what the record is
        var body = p.get("entryBody").asText();
        assertThat(body).contains("\"kind\":\"record.add\"", "\"id\":\"inc-1\"");
        assertThat(hex.formatHex(sha.digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isEqualTo(p.get("entryHash").asText());
        // 2. leaf hash = SHA-256(0x00 || entry hash)
        sha.update((byte) 0);
        var leaf = sha.digest(hex.parseHex(p.get("entryHash").asText()));
        assertThat(hex.formatHex(leaf)).isEqualTo(p.get("leafHash").asText());
        // 3. RFC 9162 §2.1.3.2 over the inclusion path gives the root
        long fn = p.get("leafIndex").asLong();
        long sn = p.get("treeSize").asLong() - 1;
        var r0 = leaf;
        for (var node : p.get("inclusionPath")) {
            assertThat(sn).isPositive();
            sha.update((byte) 1);
            if ((fn & 1) == 1 || fn == sn) {
                sha.update(hex.parseHex(node.asText()));
                r0 = sha.digest(r0);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sha.update(r0);
                r0 = sha.digest(hex.parseHex(node.asText()));
            }
            fn >>= 1;
            sn >>= 1;
        }
        assertThat(sn).isZero();
        assertThat(hex.formatHex(r0)).isEqualTo(p.get("rootHash").asText());
        // 4. the root is the head's, signed by nina's key from the ledger
        assertThat(p.get("head").get("rootHash").asText()).isEqualTo(p.get("rootHash").asText());
        var restricted = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run("record", "proof", "inc-r").out());
        assertThat(restricted.get("entryBody").isNull()).isTrue();
        assertThat(run("record", "proof", "nope").err()).contains("no record 'nope'");
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tampering")
    void every_served_table(Table t, boolean delete) throws Exception {
        var keys = String.join(", ", t.columns().subList(0, t.keyColumns()).stream().map(c -> c.name() + " DESC").toList());
        var target = " WHERE ctid = (SELECT ctid FROM " + t.name() + " ORDER BY " + keys + " LIMIT 1)";
        var col = t.columns().get(t.keyColumns());
        var set = switch (col.type()) {
            case TEXT -> "coalesce(" + col.name() + ", '') || 'x'";
            case LONG -> col.name() + " + 1";
            case TIME -> col.name() + " + interval '1 hour'";
            case BYTES -> "sha256(" + col.name() + ")";
        };
        sql(delete ? "DELETE FROM " + t.name() + target : "UPDATE " + t.name() + " SET " + col.name() + " = " + set + target);

        var r = run("ledger", "verify", "--head", head.toString());
        assertThat(r.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(r.err()).startsWith("ledger TAMPERED: table " + t.name() + ", key ")
                .contains(delete ? "row missing" : "column " + col.name() + ": stored ").doesNotContain("\tat ");
        var rebuilt = run("ledger", "rebuild");
        assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
        assertThat(rebuilt.out()).contains(t.name(), "rebuilt from the ledger");
    }

    @Order(2)
    @Test
    void the_newest_entries() throws Exception {
        assertThat(run("ledger", "verify", "--head", head.toString()).exit()).isZero();
        sql("UPDATE ledger_entry SET payload = replace(payload, '\"i\":279', '\"i\":7') WHERE seq = (SELECT max(seq) FROM ledger_entry)");
        var edited = run("ledger", "verify", "--head", head.toString());
        assertThat(edited.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(edited.err()).matches("(?s)ledger TAMPERED: entry \\d+: content does not match its hash \\(bench by 'omar' was altered.*");

        sql("DELETE FROM ledger_entry WHERE seq > (SELECT max(seq) - 3 FROM ledger_entry)", "DELETE FROM head_signature");
        var truncated = run("ledger", "verify", "--head", head.toString());
        assertThat(truncated.exit()).isEqualTo(LedgerCommand.TAMPERED);
        assertThat(truncated.err()).contains("ledger TAMPERED: " + head + " is a head of ", "were removed (truncated or rolled back)");
        assertThat(run("ledger", "verify").exit()).as("without the head, the shorter ledger verifies").isZero();
    }
}
