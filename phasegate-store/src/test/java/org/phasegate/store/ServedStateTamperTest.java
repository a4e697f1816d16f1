package org.phasegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.store.projection.Projections;
import org.phasegate.store.projection.Table;

/**
 * A database superuser with the guard triggers off deletes a row of, or edits a column in, each served table: the
 * audit names the table, the key and the column, reads are refused, and rebuild restores the table from the ledger.
 */
class ServedStateTamperTest {
    private static Store store;

    @BeforeAll
    static void start() {
        store = Populated.store();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    static Stream<Arguments> tampering() {
        return Projections.TABLES.stream().flatMap(t -> Stream.of(Arguments.of(t.name(), "delete"), Arguments.of(t.name(), "edit")));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("tampering")
    void the_audit_names_what_differs_and_rebuild_restores_it(String table, String how) throws SQLException {
        var t = Projections.TABLES.stream().filter(x -> x.name().equals(table)).findFirst().orElseThrow();
        String column;
        try (var c = store.database().ownerConnection()) {
            column = Tamper.apply(c, t, how);
        }
        var audit = store.audit();
        assertThat(audit.ok()).isFalse();
        assertThat(audit.entries().ok()).as("the entries themselves are untouched").isTrue();
        var problem = audit.problem().orElseThrow();
        assertThat(problem).startsWith("table " + table + ", key ");
        if (how.equals("delete")) assertThat(problem).contains("row missing");
        else assertThat(problem).contains("column " + column + ": stored ");
        assertThatThrownBy(() -> store.records().list(java.util.Optional.empty(), v -> true)).isInstanceOf(StoreTampered.class).hasMessageContaining("table " + table);

        try (var c = store.database().ownerConnection()) {
            var changed = store.ledger().rebuild(c);
            assertThat(changed).anyMatch(ch -> ch.table().equals(table) && ch.inserted() + ch.updated() == 1);
        }
        assertThat(store.audit().problem()).isEmpty();
    }

    @Test
    void a_row_inserted_by_the_application_role_is_not_in_the_ledger() {
        // the attack from issue 9: two invented attesters make a record verified; no guard needs to be off for it
        Tx.run(store.database().dataSource(), c -> c.createStatement().executeUpdate(
                "INSERT INTO attestation (record_id, by_user, org, seq) VALUES ('inc-2', 'ghost', 'Nobody', 3)"));
        assertThat(store.audit().problem()).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("table attestation, key (record_id='inc-2', by_user='ghost'): row not in the ledger (inserted outside it?) (claims entry 3)"));
        try (var c = store.database().ownerConnection()) {
            var changed = store.ledger().rebuild(c);
            assertThat(changed).anyMatch(ch -> ch.table().equals("attestation") && ch.deleted() == 1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(store.audit().ok()).isTrue();
    }

    /**
     * Audit finding 6: an imported row altered with its content hash recomputed (so only the import's Merkle root
     * tells) is found; the refusal names a backup or export as the repair, not rebuild, and rebuild does not claim the
     * store holds: its audit afterwards names the same row with the same remedy.
     */
    @Test
    void an_altered_imported_row_is_not_rebuilt_and_every_message_says_so() throws SQLException {
        // two statements: in one UPDATE the hash would be computed from the old content
        var recomputed = "UPDATE import_row SET content_hash = sha256(convert_to(dataset, 'UTF8') || '\\x00'::bytea || convert_to(source_id, 'UTF8') || '\\x00'::bytea"
                + " || convert_to(content, 'UTF8')) WHERE source_id = 'zone-1'";
        ownerUpdate("UPDATE import_row SET content = replace(content, '\"Zone\"', '\"Zona\"') WHERE source_id = 'zone-1'", recomputed);
        try {
            var audit = store.audit();
            assertThat(audit.fault()).isEqualTo(org.phasegate.store.ledger.Audit.Fault.IMPORT_ROWS);
            assertThat(audit.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("table import_row, import ")
                    .contains("the rows' Merkle root is", "(a row was altered, re-ordered or replaced)"));
            assertThatThrownBy(() -> store.records().list(java.util.Optional.empty(), v -> true)).isInstanceOf(StoreTampered.class)
                    .hasMessageContaining("table import_row, import ")
                    .hasMessageContaining("imported rows cannot be rebuilt from the ledger")
                    .hasMessageContaining("phasegate ledger restore BACKUP --data-dir NEW-DIR")
                    .hasMessageContaining("phasegate ledger import EXPORT --data-dir NEW-DIR")
                    .hasMessageNotContaining("phasegate ledger rebuild restores");

            try (var c = store.database().ownerConnection()) {
                var rebuilt = store.ledger().rebuildAndAudit(c);
                assertThat(rebuilt.total()).as("nothing the entries hold differs").isZero();
                assertThat(rebuilt.after().ok()).isFalse();
                assertThat(rebuilt.after().problem()).isEqualTo(audit.problem());
                assertThat(rebuilt.after().remedy().orElseThrow()).startsWith("imported rows cannot be rebuilt from the ledger");
            }
        } finally {
            ownerUpdate("UPDATE import_row SET content = replace(content, '\"Zona\"', '\"Zone\"') WHERE source_id = 'zone-1'", recomputed);
        }
        assertThat(store.audit().ok()).isTrue();
    }

    @Test
    void an_altered_entry_names_a_backup_as_its_remedy_and_rebuild_refuses_naming_it_too() throws SQLException {
        String original;
        try (var c = store.database().ownerConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT payload FROM ledger_entry WHERE seq = (SELECT max(seq) FROM ledger_entry)")) {
            rs.next();
            original = rs.getString(1);
        }
        ownerUpdate("UPDATE ledger_entry SET payload = payload || ' ' WHERE seq = (SELECT max(seq) FROM ledger_entry)");
        try {
            var audit = store.audit();
            assertThat(audit.entries().ok()).isFalse();
            assertThat(audit.fault()).isEqualTo(org.phasegate.store.ledger.Audit.Fault.ENTRIES);
            assertThat(audit.remedy()).hasValueSatisfying(r -> assertThat(r).startsWith("the entries themselves do not verify")
                    .contains("phasegate ledger restore BACKUP --data-dir NEW-DIR").doesNotContain("ledger rebuild"));
            assertThatThrownBy(() -> store.records().list(java.util.Optional.empty(), v -> true)).isInstanceOf(StoreTampered.class)
                    .hasMessageContaining("the entries themselves do not verify").hasMessageNotContaining("ledger rebuild restores");
            try (var c = store.database().ownerConnection()) {
                assertThatThrownBy(() -> store.ledger().rebuildAndAudit(c)).isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("rebuild refused: the ledger itself does not verify").hasMessageContaining("phasegate ledger restore BACKUP");
            }
        } finally {
            try (var c = store.database().ownerConnection(); var ps = c.prepareStatement(
                    "UPDATE ledger_entry SET payload = ? WHERE seq = (SELECT max(seq) FROM ledger_entry)"); var st = c.createStatement()) {
                st.execute("SET session_replication_role = replica");
                ps.setString(1, original);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(store.audit().ok()).isTrue();
    }

    @Test
    void a_served_table_names_rebuild_as_its_remedy_and_rebuild_then_audits_clean() throws SQLException {
        ownerUpdate("UPDATE app_user SET role = 'admin' WHERE name = 'mona'");
        var audit = store.audit();
        assertThat(audit.fault()).isEqualTo(org.phasegate.store.ledger.Audit.Fault.SERVED_TABLE);
        assertThat(audit.remedy()).hasValue("phasegate ledger rebuild restores the served tables from the ledger's entries");
        try (var c = store.database().ownerConnection()) {
            var rebuilt = store.ledger().rebuildAndAudit(c);
            assertThat(rebuilt.total()).isEqualTo(1);
            assertThat(rebuilt.after().ok()).isTrue();
            assertThat(rebuilt.after().remedy()).isEmpty();
        }
    }

    private static void ownerUpdate(String... sql) throws SQLException {
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            for (var s : sql) assertThat(st.executeUpdate(s)).as(s).isEqualTo(1);
        }
    }

    @Test
    void an_altered_head_signature_is_found() throws SQLException {
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.executeUpdate("UPDATE head_signature SET at = at + interval '1 second'");
        }
        assertThat(store.audit().problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("table head_signature, key (tree_size=").contains("signer='nina'", "does not verify"));
        assertThat(store.audit().remedy()).hasValueSatisfying(r -> assertThat(r).startsWith("a stored head signature stands on its own signature")
                .contains("phasegate ledger restore BACKUP").doesNotContain("ledger rebuild restores"));
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.executeUpdate("UPDATE head_signature SET at = at - interval '1 second'");
        }
        assertThat(store.audit().ok()).isTrue();
    }

    /** Tampering as a superuser would: triggers (and foreign keys) off for the session. */
    static final class Tamper {
        private Tamper() {
        }

        /** Deletes the table's last row by key, or edits its last non-key column; returns the column edited. */
        static String apply(Connection c, Table t, String how) throws SQLException {
            var keys = String.join(", ", t.columns().subList(0, t.keyColumns()).stream().map(x -> x.name() + " DESC").toList());
            var target = "ctid = (SELECT ctid FROM " + t.name() + " ORDER BY " + keys + " LIMIT 1)";
            try (var st = c.createStatement()) {
                st.execute("SET session_replication_role = replica");
                if (how.equals("delete")) {
                    assertThat(st.executeUpdate("DELETE FROM " + t.name() + " WHERE " + target)).isEqualTo(1);
                    return null;
                }
                var col = t.columns().get(t.keyColumns());
                var set = switch (col.type()) {
                    case TEXT -> "coalesce(" + col.name() + ", '') || 'x'";
                    case LONG -> col.name() + " + 1";
                    case TIME -> col.name() + " + interval '1 hour'";
                    case BYTES -> "sha256(" + col.name() + ")";
                };
                assertThat(st.executeUpdate("UPDATE " + t.name() + " SET " + col.name() + " = " + set + " WHERE " + target)).isEqualTo(1);
                return col.name();
            }
        }
    }
}
