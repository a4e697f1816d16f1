package org.phasegate.store.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.incident;
import static org.phasegate.store.Fixtures.parse;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.Workflow.State;
import org.phasegate.store.Fixtures;
import org.phasegate.store.RecordRefused;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;

/** The verification workflow on the real embedded PostgreSQL: each legal step, and each illegal one refused clearly. */
class WorkflowTest {
    private static Store store;
    private static Records records;
    private static int next;

    @BeforeAll
    static void start() {
        store = Fixtures.storeWithCast();
        records = store.records();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    /** A fresh incident (needs 2 independent attestations) reported by mona of UNOPS. */
    private static String reported() {
        var id = "inc-" + (++next);
        records.add(as(store, "mona"), parse(incident(id, "")));
        return id;
    }

    private static void refused(Runnable action, String... message) {
        assertThatThrownBy(action::run).isInstanceOf(StoreException.class).hasMessageContainingAll(message);
    }

    @Test
    void reported_then_corroborated_then_verified_by_two_independent_organisations() {
        var id = reported();
        assertThat(records.state(id)).isEqualTo(State.REPORTED);
        records.attest(as(store, "nina"), id);
        assertThat(records.state(id)).isEqualTo(State.CORROBORATED);
        assertThat(records.verified(Optional.empty())).noneMatch(r -> r.id().equals(id));
        records.attest(as(store, "omar"), id);
        assertThat(records.state(id)).isEqualTo(State.VERIFIED);
        assertThat(records.verified(Optional.empty())).anyMatch(r -> r.id().equals(id) && r.independentAttestations() == 2);
        assertThat(store.ledger().verify().ok()).isTrue();
    }

    @Test
    void a_reporter_cannot_attest_their_own_record() {
        var id = reported();
        refused(() -> records.attest(as(store, "mona"), id), "mona reported record", "cannot attest it");
    }

    @Test
    void a_colleague_of_the_reporter_is_not_independent() {
        var id = reported();
        refused(() -> records.attest(as(store, "mike"), id), "the reporter's organisation", "independent");
    }

    @Test
    void one_user_attests_once_and_one_organisation_counts_once() {
        var id = reported();
        records.attest(as(store, "nina"), id);
        refused(() -> records.attest(as(store, "nina"), id), "nina has already attested");
        assertThat(records.state(id)).isEqualTo(State.CORROBORATED);
    }

    @Test
    void only_monitors_attest_and_report() {
        var id = reported();
        refused(() -> records.attest(as(store, "bea"), id), "bea is a board", "only monitors attest");
        refused(() -> records.attest(as(store, "ana"), id), "ana is an analyst", "only monitors attest");
        refused(() -> records.add(as(store, "ana"), parse(incident("x-ana", ""))), "only monitors report");
        refused(() -> records.add(as(store, "root"), parse(incident("x-root", ""))), "only monitors report");
    }

    @Test
    void unknown_and_duplicate_records_are_refused() {
        refused(() -> records.attest(as(store, "nina"), "no-such-id"), "no record 'no-such-id'");
        var id = reported();
        refused(() -> records.add(as(store, "mona"), parse(incident(id, ""))), "already exists", "supersedes");
    }

    @Test
    void a_disputed_record_waits_for_the_board() {
        var id = reported();
        records.attest(as(store, "nina"), id);
        records.attest(as(store, "omar"), id);
        records.dispute(as(store, "nina"), id, "second source retracted");
        assertThat(records.state(id)).isEqualTo(State.DISPUTED);
        assertThat(records.verified(Optional.empty())).noneMatch(r -> r.id().equals(id));
        refused(() -> records.dispute(as(store, "omar"), id, "again"), "already disputed");
        refused(() -> records.attest(as(store, "omar"), id), "is disputed", "until the board adjudicates");
        refused(() -> records.adjudicate(as(store, "nina"), id, true, "fine"), "only the board adjudicates");
        refused(() -> records.dispute(as(store, "ana"), id, "no"), "only monitors and the board dispute");
        records.adjudicate(as(store, "bea"), id, true, "source stands");
        assertThat(records.state(id)).isEqualTo(State.VERIFIED);
        refused(() -> records.adjudicate(as(store, "bea"), id, false, "again"), "is verified, not disputed");
    }

    @Test
    void an_overturned_dispute_rejects_the_record_for_good() {
        var id = reported();
        records.dispute(as(store, "nina"), id, "fabricated");
        records.adjudicate(as(store, "bea"), id, false, "no corroboration");
        assertThat(records.state(id)).isEqualTo(State.REJECTED);
        refused(() -> records.attest(as(store, "omar"), id), "is rejected and cannot be attested");
        refused(() -> records.dispute(as(store, "omar"), id, "x"), "is rejected and cannot be disputed");
        refused(() -> records.reject(as(store, "bea"), id, "x"), "already rejected");
        refused(() -> records.add(as(store, "mona"), parse(incident(id + "-fix", ",\"supersedes\":\"" + id + "\""))), "was rejected");
    }

    @Test
    void only_the_board_rejects() {
        var id = reported();
        refused(() -> records.reject(as(store, "nina"), id, "x"), "only the board rejects");
        records.reject(as(store, "bea"), id, "duplicate of another report");
        assertThat(records.state(id)).isEqualTo(State.REJECTED);
    }

    @Test
    void a_correction_is_a_new_record_that_supersedes_the_old() {
        var id = reported();
        records.attest(as(store, "nina"), id);
        records.attest(as(store, "omar"), id);
        records.add(as(store, "mona"), parse(incident(id + "-v2", ",\"supersedes\":\"" + id + "\"")));
        assertThat(records.state(id)).isEqualTo(State.SUPERSEDED);
        assertThat(records.state(id + "-v2")).isEqualTo(State.REPORTED);
        assertThat(records.verified(Optional.empty())).noneMatch(r -> r.id().startsWith(id));
        refused(() -> records.add(as(store, "mona"), parse(incident(id + "-v3", ",\"supersedes\":\"" + id + "\""))), "already superseded");
        refused(() -> records.add(as(store, "mona"), parse(incident("x-ghost", ",\"supersedes\":\"ghost\""))), "does not exist");
        refused(() -> records.attest(as(store, "omar"), id), "is superseded");
        refused(() -> records.reject(as(store, "bea"), id, "x"), "already superseded");
    }

    @Test
    void a_refused_record_leaves_the_whole_batch_unwritten() {
        long before = store.ledger().size();
        var existing = reported();
        long afterOne = store.ledger().size();
        var batch = parse(incident("b-1", "") + "\n" + incident("b-2", "") + "\n" + incident(existing + "-dupe", ",\"supersedes\":\"ghost\""));
        refused(() -> records.add(as(store, "mona"), batch), "does not exist");
        assertThat(store.ledger().size()).isEqualTo(afterOne).isGreaterThan(before);
        assertThat(records.list(Optional.of(as(store, "root")), v -> v.id().startsWith("b-"))).isEmpty();
    }

    @Test
    void a_batch_may_correct_a_record_it_reported_a_line_earlier() {
        records.add(as(store, "mona"), parse(incident("fix-1", "") + "\n" + incident("fix-1-v2", ",\"supersedes\":\"fix-1\"")));
        assertThat(records.state("fix-1")).isEqualTo(State.SUPERSEDED);
        assertThat(records.state("fix-1-v2")).isEqualTo(State.REPORTED);
    }

    @Test
    void an_id_reported_again_in_a_later_chunk_of_a_streamed_batch_is_refused() {
        long before = store.ledger().size();
        var lines = new StringBuilder();
        for (int i = 1; i <= 700; i++) lines.append(incident("rep-" + i, "")).append('\n');
        var stream = new java.util.ArrayList<>(parse(lines.toString()));   // record add streams a file as chunks, each parsed alone
        stream.addAll(parse("\n\n" + incident("rep-3", "")));
        assertThatThrownBy(() -> records.add(as(store, "mona"), stream))
                .isInstanceOfSatisfying(RecordRefused.class, r -> assertThat(r.line()).isEqualTo(3))
                .hasMessageContaining("record 'rep-3' already exists");
        assertThat(store.ledger().size()).isEqualTo(before);
    }

    @Test
    void groups_committed_together_refuse_an_id_another_group_reported() {
        long before = store.ledger().size();
        var first = new Records.Group(as(store, "mona"), parse(incident("grp-1", "")));
        var second = new Records.Group(as(store, "nina"), parse(incident("grp-2", "") + "\n" + incident("grp-1", "")));
        refused(() -> records.addGroups(java.util.List.of(first, second)), "record 'grp-1' already exists");
        assertThat(store.ledger().size()).isEqualTo(before);
        records.addGroups(java.util.List.of(first));
        assertThat(records.state("grp-1")).isEqualTo(State.REPORTED);
        refused(() -> records.addGroups(java.util.List.of(new Records.Group(as(store, "nina"), parse(incident("grp-1", ""))))), "already exists");
    }

    @Test
    void a_type_needing_one_attestation_is_verified_by_the_first() {
        var line = "{\"id\":\"aid-1\",\"type\":\"aid-delivery\",\"time\":\"2026-01-06T09:00:00Z\",\"place\":{\"pcode\":\"PS0505\"},"
                + "\"attributes\":{\"crossing\":\"Kerem Shalom\",\"category\":\"food\"},\"quantities\":{\"trucks\":120,\"tonnes\":2400},"
                + "\"sources\":[{\"url\":\"https://example.org/aid\",\"sha256\":\"" + "ab".repeat(32) + "\"}]}";
        records.add(as(store, "mona"), parse(line));
        records.attest(as(store, "nina"), "aid-1");
        assertThat(records.state("aid-1")).isEqualTo(State.VERIFIED);
    }
}
