package org.phasegate.store.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phasegate.store.Fixtures.as;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.evidence.VerificationRule;
import org.phasegate.evidence.Workflow.State;
import org.phasegate.gate.GateEngine;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.TestDb;

/**
 * The ledger's workflow verifies with the scenario's rule, as the gate engine does: under the Northern Ireland
 * scenario an act of decommissioning is verified by the IICD alone, whoever else attests it; amendment records are
 * stored, attested and verified like any record, and move the deadline in the gate engine. Real embedded PostgreSQL.
 */
class DesignatedVerifierStoreTest {
    static final Path REPO = Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath().normalize();
    static final String IICD = "Independent International Commission on Decommissioning";
    private static Scenario ni;
    private static Store store;
    private static Records records;

    @BeforeAll
    static void start() {
        ni = new ScenarioLoader().load(REPO.resolve("scenarios/ni-decommissioning-1998.yaml"));
        store = new Store(TestDb.fresh(), Fixtures.KEY, Fixtures.CLOCK, ni.verification(), 64);
        var users = store.users();
        users.add(Optional.empty(), "root", Role.ADMIN, "Coordination Centre", Fixtures.PASSWORD);
        var root = as(store, "root");
        for (var org : new String[] {"UK Government", "Irish Government", IICD}) store.organisations().add(root, org);
        users.add(Optional.of(root), "nio", Role.MONITOR, "UK Government", Fixtures.PASSWORD);
        users.add(Optional.of(root), "dfa", Role.MONITOR, "Irish Government", Fixtures.PASSWORD);
        users.add(Optional.of(root), "dechastelain", Role.MONITOR, IICD, Fixtures.PASSWORD);
        records = store.records();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    static void report(String user, String line) {
        records.add(as(store, user), new SubmissionReader(ni.eventsReader()).parse("ni.jsonl", line, true));
    }

    static String statement(String id, String category) {
        return "{\"id\":\"" + id + "\",\"type\":\"statement\",\"time\":\"2001-10-23T18:45:00Z\",\"party\":\"ira\","
                + "\"attributes\":{\"category\":\"" + category + "\"},\"sources\":[{\"url\":\"https://example.org/" + id + "\"}]}";
    }

    @Test
    void anActIsVerifiedByTheIicdAloneWhoeverElseAttestsIt() {
        report("nio", statement("act-1", "act-of-decommissioning"));
        records.attest(as(store, "dfa"), "act-1");
        assertThat(records.state("act-1")).as("one independent organisation verifies other statements here, not an act").isEqualTo(State.CORROBORATED);
        records.attest(as(store, "dechastelain"), "act-1");
        assertThat(records.state("act-1")).isEqualTo(State.VERIFIED);
        var view = records.list(Optional.empty(), v -> v.id().equals("act-1")).getFirst();
        assertThat(view.rule()).isInstanceOf(VerificationRule.Body.class);
        assertThat(view.rule().describe()).isEqualTo("verified by iicd (its finding)");

        report("dechastelain", statement("act-2", "act-of-decommissioning"));
        assertThat(records.state("act-2")).as("the commission reporting its own finding has certified it").isEqualTo(State.VERIFIED);

        report("nio", statement("other", "representative-to-iicd"));
        records.attest(as(store, "dfa"), "other");
        assertThat(records.state("other")).as("no designation covers it: the count of 1 applies").isEqualTo(State.VERIFIED);
        assertThat(records.list(Optional.empty(), v -> v.id().equals("other")).getFirst().rule()).isEqualTo(new VerificationRule.Count(1));
    }

    @Test
    void theStoreAndTheGateEngineAgreeOnEveryRecord() {
        report("nio", statement("act-3", "act-of-decommissioning"));
        records.attest(as(store, "dfa"), "act-3");
        var verified = records.verified(Optional.empty());
        assertThat(verified).allMatch(r -> ni.verification().verifies(r));
        assertThat(verified).extracting(EvidenceRecord::id).doesNotContain("act-3");
        for (var v : records.list(Optional.empty(), v -> true)) {
            var r = new org.phasegate.evidence.EventsReader().parseOne(v.body(), v.id());
            boolean byEngine = ni.verification().ruleFor(v.type(), r.attributes())
                    .verified(new org.phasegate.evidence.Attestation(v.reporter(), v.reporterOrg()), v.attestations());
            assertThat(v.state() == State.VERIFIED).as(v.id()).isEqualTo(byEngine);
        }
    }

    @Test
    void anAmendmentIsStoredVerifiedLikeAnyRecordAndMovesTheDeadline() {
        report("nio", "{\"id\":\"amend-ira\",\"type\":\"amendment\",\"time\":\"2000-05-05T22:30:00Z\",\"obligation\":\"decommission-ira\","
                + "\"attributes\":{\"deadline\":\"2001-07-01\",\"state\":\"agreed\"},\"sources\":[{\"url\":\"https://example.org/joint-statement\"}]}");
        assertThat(records.state("amend-ira")).isEqualTo(State.REPORTED);
        var before = new GateEngine(ni).status(records.verified(Optional.empty()), Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(before.obligation("decommission-ira").orElseThrow().deadline()).contains(Instant.parse("2000-05-22T00:00:00Z"));
        records.attest(as(store, "dfa"), "amend-ira");
        assertThat(records.state("amend-ira")).isEqualTo(State.VERIFIED);
        var after = new GateEngine(ni).status(records.verified(Optional.empty()), Instant.parse("2001-01-01T00:00:00Z"));
        var o = after.obligation("decommission-ira").orElseThrow();
        assertThat(o.deadline()).contains(Instant.parse("2001-07-01T00:00:00Z"));
        assertThat(o.schedule().original()).contains(Instant.parse("2000-05-22T00:00:00Z"));
        assertThat(o.overdue()).isFalse();
    }
}
