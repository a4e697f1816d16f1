package org.phasegate.store.ledger;

import static org.phasegate.store.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Role;
import org.phasegate.store.Database;
import org.phasegate.store.TestDb;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.orgs.Organisations;
import org.phasegate.store.users.Users;

/** The ledger on the real embedded PostgreSQL: appends verify, the database refuses changes, tampering is found. */
class LedgerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private Ledger ledger;
    private Actor admin;

    @BeforeEach
    void setUp() {
        db = TestDb.fresh();
        ledger = new Ledger(db.dataSource());
        var users = new Users(db.dataSource(), new DataKey(new byte[32]), CLOCK, 16);
        users.add(Optional.empty(), "root", Role.ADMIN, "Coordination Centre", PASSWORD);
        admin = users.actor("root", PASSWORD);
        new Organisations(db.dataSource(), CLOCK, 16).add(admin, "UNOPS");
        users.add(Optional.of(admin), "mona", Role.MONITOR, "UNOPS", PASSWORD);
        appendBench(users.actor("mona", PASSWORD), 40);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void appendBench(Actor actor, int n) {
        Tx.run(db.dataSource(), c -> {
            var a = Appender.begin(c, 16);
            for (int i = 0; i < n; i++) a.append(Kinds.BENCH, actor, Canonical.object().put("i", i).put("note", "x" + i), CLOCK.instant());
            a.flush();
            return null;
        });
    }

    @Test
    void a_fresh_ledger_verifies_with_checkpoints() {
        var report = ledger.verify();
        assertThat(report.firstBad()).isEmpty();
        assertThat(report.entries()).isEqualTo(ledger.size()).isGreaterThan(42);
        assertThat(report.checkpoints()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_application_role_cannot_update_or_delete() {
        assertThatThrownBy(() -> Tx.run(db.dataSource(), c -> c.createStatement().executeUpdate("UPDATE ledger_entry SET actor = 'eve' WHERE seq = 3")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> Tx.run(db.dataSource(), c -> c.createStatement().executeUpdate("DELETE FROM ledger_entry WHERE seq = 3")))
                .hasMessageContaining("permission denied");
    }

    @Test
    void even_the_owner_is_refused_by_the_guard_trigger() throws SQLException {
        try (var c = db.ownerConnection(); var st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE ledger_entry SET actor = 'eve' WHERE seq = 3"))
                    .hasMessageContaining("append-only").hasMessageContaining("UPDATE");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM app_user")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("TRUNCATE ledger_entry CASCADE")).hasMessageContaining("append-only");
        }
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void altering_any_field_is_found() throws SQLException {
        for (var set : new String[] {"kind = 'record.add'", "actor = 'eve'", "at = at + interval '1 second'",
                "payload = '{\"i\":99,\"note\":\"x9\"}'", "prev_hash = decode(repeat('00', 32), 'hex')",
                "hash = sha256(hash)", "signature = decode(repeat('ab', 64), 'hex')"}) {
            try (var fresh = new Fixture()) {
                fresh.tamper("UPDATE ledger_entry SET " + set + " WHERE seq = 9");
                assertThat(fresh.firstBad()).as(set).hasValueSatisfying(b -> assertThat(b.seq()).as(set).isEqualTo(9));
            }
        }
        tamper("UPDATE ledger_entry SET seq = 1000 WHERE seq = 9");
        assertThat(ledger.verify().firstBad().orElseThrow().render()).contains("entry 9: missing");
    }

    @Test
    void a_deleted_entry_is_found() throws SQLException {
        tamper("DELETE FROM ledger_entry WHERE seq = 20");
        var bad = ledger.verify().firstBad().orElseThrow();
        assertThat(bad.seq()).isEqualTo(20);
        assertThat(bad.render()).contains("missing");
    }

    @Test
    void reordered_entries_are_found() throws SQLException {
        tamper("UPDATE ledger_entry SET seq = -1 WHERE seq = 12; UPDATE ledger_entry SET seq = 12 WHERE seq = 13;"
                + " UPDATE ledger_entry SET seq = 13 WHERE seq = -1");
        assertThat(ledger.verify().firstBad().orElseThrow().seq()).isEqualTo(12);
    }

    @Test
    void an_inserted_entry_is_found() throws SQLException {
        // shift entries 15.. up by one and copy entry 14 into the gap, signature and all
        tamper("UPDATE ledger_entry SET seq = seq + 100000 WHERE seq >= 15; UPDATE ledger_entry SET seq = seq - 99999 WHERE seq > 100000;"
                + " INSERT INTO ledger_entry SELECT 15, kind, actor, at, payload, hash, hash, signature FROM ledger_entry WHERE seq = 14");
        assertThat(ledger.verify().firstBad().orElseThrow().seq()).isEqualTo(15);
    }

    @Test
    void a_replaced_signature_is_found() throws SQLException {
        // a valid signature, but of another entry
        tamper("UPDATE ledger_entry SET signature = (SELECT signature FROM ledger_entry WHERE seq = 30) WHERE seq = 31");
        var bad = ledger.verify().firstBad().orElseThrow();
        assertThat(bad.seq()).isEqualTo(31);
        assertThat(bad.reason()).contains("signature");
    }

    @Test
    void after_a_key_rotation_the_old_key_no_longer_signs() {
        var users = new Users(db.dataSource(), new DataKey(new byte[32]), CLOCK, 16);
        var old = users.actor("mona", PASSWORD);
        long rotation = users.rotateKey(old, "mona", PASSWORD);
        appendBench(users.actor("mona", PASSWORD), 3);
        assertThat(ledger.verify().ok()).isTrue();
        assertThatThrownBy(() -> users.rotateKey(users.actor("mona", PASSWORD), "root", PASSWORD)).hasMessageContaining("may not change root's key");
        appendBench(old, 1);
        var bad = ledger.verify().firstBad().orElseThrow();
        assertThat(bad.seq()).isGreaterThan(rotation + 3);
        assertThat(bad.reason()).contains("signature by 'mona' does not verify");
    }

    @Test
    void only_an_admin_adds_users_even_in_a_forged_but_signed_entry() {
        Tx.run(db.dataSource(), c -> {   // mona signs a user.add herself, bypassing the store's check
            var a = Appender.begin(c, 0);
            var u = new Users(db.dataSource(), new DataKey(new byte[32]), CLOCK, 16);
            a.append(Kinds.USER_ADD, u.actor("mona", PASSWORD), Canonical.object().put("name", "eve").put("role", "admin").put("org", "X")
                    .put("publicKey", java.util.Base64.getEncoder().encodeToString(new byte[32])), CLOCK.instant());
            a.flush();
            return null;
        });
        assertThat(ledger.verify().firstBad().orElseThrow().reason()).contains("added by 'mona', who is not an admin");
    }

    @Test
    void a_ledger_that_grows_again_after_verification_still_verifies() {
        appendBench(admin, 25);
        assertThat(ledger.verify().ok()).isTrue();
    }

    private void tamper(String sql) throws SQLException {
        tamper(db, sql);
    }

    static void tamper(Database db, String sql) throws SQLException {
        try (var c = db.ownerConnection(); var st = c.createStatement()) {
            st.execute("ALTER TABLE ledger_entry DISABLE TRIGGER USER");
            st.execute(sql);
            st.execute("ALTER TABLE ledger_entry ENABLE TRIGGER USER");
        }
    }

    /** A second copy of the setup, for tests that tamper once per case. */
    private final class Fixture implements AutoCloseable {
        private final Database copy = TestDb.fresh();

        Fixture() {
            var users = new Users(copy.dataSource(), new DataKey(new byte[32]), CLOCK, 16);
            users.add(Optional.empty(), "root", Role.ADMIN, "Coordination Centre", PASSWORD);
            var root = users.actor("root", PASSWORD);
            Tx.run(copy.dataSource(), c -> {
                var a = Appender.begin(c, 16);
                for (int i = 0; i < 20; i++) a.append(Kinds.BENCH, root, Canonical.object().put("i", i).put("note", "x" + i), CLOCK.instant());
                a.flush();
                return null;
            });
        }

        void tamper(String sql) throws SQLException {
            LedgerTest.tamper(copy, sql);
        }

        Optional<Verifier.Bad> firstBad() {
            return new Ledger(copy.dataSource()).verify().firstBad();
        }

        @Override
        public void close() {
            copy.close();
        }
    }
}
