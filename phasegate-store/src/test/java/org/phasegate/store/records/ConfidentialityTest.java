package org.phasegate.store.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.parse;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Confidentiality;
import org.phasegate.evidence.Role;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.ledger.Kinds;

/** Confidential parts are sealed at rest, committed to in the ledger, and disclosed only to board and admin, audited. */
class ConfidentialityTest {
    private static final List<String> SECRETS = List.of("AK47-SERIAL-7731X", "Bunker under Al-Shifa annex", "Yahya Example");
    private static Store store;

    @BeforeAll
    static void start() {
        store = Fixtures.storeWithCast();
        var line = "{\"id\":\"dec-1\",\"type\":\"decommissioning\",\"time\":\"2026-01-07T12:00:00Z\",\"party\":\"hamas\","
                + "\"place\":{\"pcode\":\"PS0502\"},\"attributes\":{\"category\":\"small-arms\",\"method\":\"beyond-use\","
                + "\"inventory-ref\":\"INV-2026-01\"},\"quantities\":{\"items\":40},"
                + "\"sources\":[{\"url\":\"https://example.org/iicd/1\"}],\"confidentiality\":\"confidential\","
                + "\"confidential\":{\"serials\":[\"" + SECRETS.get(0) + "\"],\"site\":\"" + SECRETS.get(1) + "\",\"witness\":\"" + SECRETS.get(2) + "\"}}";
        var restricted = Fixtures.incident("inc-r", ",\"confidentiality\":\"restricted\"");
        store.records().add(as(store, "mona"), parse(line + "\n" + restricted));
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void no_confidential_payload_appears_in_plaintext_in_any_table() throws SQLException {
        var dump = new StringBuilder();
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            var tables = new ArrayList<String>();
            try (var rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            assertThat(tables).contains("ledger_entry", "record", "confidential_blob", "registry_event");
            for (var t : tables) {
                // every column of every row, as PostgreSQL renders the row
                try (var rs = st.executeQuery("SELECT t::text FROM \"" + t + "\" t")) {
                    while (rs.next()) dump.append(rs.getString(1)).append('\n');
                }
            }
            var binary = new ArrayList<String[]>();
            try (var rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND data_type = 'bytea'")) {
                while (rs.next()) binary.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            assertThat(binary).isNotEmpty();
            for (var col : binary) {   // row text shows bytea as hex; scan the raw bytes too
                try (var rs = st.executeQuery("SELECT \"" + col[1] + "\" FROM \"" + col[0] + "\"")) {
                    while (rs.next()) dump.append(new String(rs.getBytes(1), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        assertThat(dump).isNotEmpty().contains("INV-2026-01");
        for (var secret : SECRETS) assertThat(dump.toString()).doesNotContain(secret);
    }

    @Test
    void the_ledger_carries_a_commitment_that_a_disclosure_matches() {
        var view = store.records().list(Optional.empty(), v -> v.id().equals("dec-1")).get(0);
        assertThat(view.confidentiality()).isEqualTo(Confidentiality.CONFIDENTIAL);
        assertThat(view.commitment()).isPresent();
        var disclosure = store.records().disclose(as(store, "bea"), "dec-1", "board review of inventory INV-2026-01");
        assertThat(disclosure.json()).contains(SECRETS);
        assertThat(disclosure.commitment()).isEqualTo(view.commitment().get());
        assertThat(disclosure.matchesCommitment()).isTrue();
        var forged = new Disclosure("dec-1", disclosure.json().replace("40", "41").replace("7731X", "7731Y"),
                disclosure.saltHex(), disclosure.commitment());
        assertThat(forged.matchesCommitment()).isFalse();
    }

    @Test
    void only_board_and_admin_may_open_it_and_every_opening_is_audited() {
        for (var who : List.of("ana", "mona", "nina")) {
            assertThatThrownBy(() -> store.records().disclose(as(store, who), "dec-1", "curious"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("only the board and admins");
        }
        long before = audits();
        store.records().disclose(as(store, "root"), "dec-1", "audit");
        assertThat(audits()).isEqualTo(before + 1);
        assertThat(store.ledger().verify().ok()).isTrue();
    }

    @Test
    void restricted_records_are_hidden_from_analysts_and_the_public() {
        assertThat(store.records().list(Optional.empty(), v -> true)).extracting(RecordView::id).containsExactly("dec-1");
        assertThat(store.records().list(Optional.of(as(store, "ana")), v -> true)).extracting(RecordView::id).containsExactly("dec-1");
        assertThat(store.records().list(Optional.of(as(store, "mona")), v -> true)).extracting(RecordView::id).containsExactly("dec-1", "inc-r");
    }

    private static long audits() {
        long[] n = {0};
        store.ledger().forEach(it -> it.forEachRemaining(e -> {
            if (e.kind().equals(Kinds.AUDIT_DISCLOSE)) n[0]++;
        }));
        return n[0];
    }
}
