package org.phasegate.store.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.incident;
import static org.phasegate.store.Fixtures.parse;

import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Workflow;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;

/** Whose view a read shows comes from the acting user; reading restricted records leaves a signed audit entry. */
class AuditedReadsTest {
    private static Store store;

    @BeforeAll
    static void start() {
        store = Fixtures.storeWithCast();
        store.records().add(as(store, "mona"), parse(incident("open-1", "") + "\n" + incident("closed-1", ",\"confidentiality\":\"restricted\"")));
        store.records().attest(as(store, "nina"), "open-1");
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    private static String lastEntry() {
        var out = new StringWriter();
        store.ledger().export(out);
        var lines = out.toString().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void the_public_and_analysts_see_no_restricted_record_and_nothing_is_audited() {
        long before = store.ledger().size();
        assertThat(store.records().list(Optional.empty(), v -> true)).extracting(RecordView::id).containsExactly("open-1");
        assertThat(store.records().list(Optional.of(as(store, "ana")), v -> true)).extracting(RecordView::id).containsExactly("open-1");
        assertThat(store.ledger().size()).isEqualTo(before);
    }

    @Test
    void a_monitor_sees_restricted_records_and_the_read_is_signed_into_the_ledger() {
        long before = store.ledger().size();
        assertThat(store.records().list(Optional.of(as(store, "omar")), v -> true)).extracting(RecordView::id).containsExactly("open-1", "closed-1");
        assertThat(store.ledger().size()).isEqualTo(before + 1);
        assertThat(lastEntry()).contains("\"kind\":\"audit.read\"", "\"actor\":\"omar\"", "closed-1").doesNotContain("open-1");
        assertThat(store.ledger().verify().ok()).isTrue();
    }

    @Test
    void show_says_what_a_record_has_and_still_needs_and_from_whom() {
        var d = store.records().show(Optional.empty(), "open-1");
        assertThat(d.view().state()).isEqualTo(Workflow.State.CORROBORATED);
        assertThat(d.view().required()).isEqualTo(2);
        assertThat(d.stillNeeded()).isEqualTo(1);
        assertThat(d.candidateOrgs()).containsExactly("EUBAM");   // UNOPS reported it, ICRC attested; EUBAM has a monitor
        assertThat(d.steps()).singleElement().satisfies(s -> assertThat(s.by() + "/" + s.org() + "/" + s.what()).isEqualTo("nina/ICRC/attested"));
        assertThat(d.sources()).containsExactly("https://example.org/report/open-1");
        assertThat(d.entry()).isPositive();
        assertThatThrownBy(() -> store.records().show(Optional.empty(), "closed-1")).hasMessageContaining("no record 'closed-1' that the public may see");
        long before = store.ledger().size();
        assertThat(store.records().show(Optional.of(as(store, "bea")), "closed-1").view().id()).isEqualTo("closed-1");
        assertThat(store.ledger().size()).isEqualTo(before + 1);
    }
}
