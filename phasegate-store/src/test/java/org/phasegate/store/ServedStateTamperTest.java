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

    @Test
    void an_altered_head_signature_is_found() throws SQLException {
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.executeUpdate("UPDATE head_signature SET at = at + interval '1 second'");
        }
        assertThat(store.audit().problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("table head_signature, key (tree_size=").contains("signer='nina'", "does not verify"));
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
