package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Workflow;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** Records covered by a designated verifier count when that body decides, however many others attest. */
class DesignatedVerifierTest {
    static final String YAML = """
            scenario: {id: dv, title: Designated verifiers, start: 2000-01-01}
            verification:
              default-attestations: 2
              verifiers:
                - {party: commission, members: [Arms Commission]}
                - {party: panel, members: [alice, bob, carol], decides-by: majority}
                - {party: troika, members: [dan, eve, fay], decides-by: chair, chair: eve}
                - {party: duo, members: [gil, hal]}
              designated:
                - {record: statement, where: {category: act}, verified-by: commission}
                - {record: statement, where: {category: inspection}, verified-by: panel}
                - {record: statement, where: {category: ruling}, verified-by: troika}
                - {record: statement, where: {category: audit}, verified-by: duo}
            sources: [{id: accord, title: Accord, publisher: Mediators}]
            parties:
              - {id: group, name: Armed group, kind: armed-group}
              - {id: commission, name: Arms Commission (three commissioners), kind: international-body}
              - {id: panel, name: Inspection panel, kind: international-body}
              - {id: troika, name: Ruling troika, kind: international-body}
              - {id: duo, name: Audit pair, kind: international-body}
            phases: [{id: p1, name: One}]
            measures:
              - {id: acts, record: statement, where: {category: act}, unit: records}
              - {id: inspections, record: statement, where: {category: inspection}, unit: records}
              - {id: rulings, record: statement, where: {category: ruling}, unit: records}
              - {id: audits, record: statement, where: {category: audit}, unit: records}
              - {id: notes, record: statement, where: {category: note}, unit: records}
            obligations:
              - {id: act, phase: p1, type: decommissioning, owed-by: [group], target: {measure: acts, count: 1}, source: accord}
              - {id: inspect, phase: p1, type: decommissioning, owed-by: [group], target: {measure: inspections, count: 1}, source: accord}
              - {id: rule, phase: p1, type: governance, owed-by: [group], target: {measure: rulings, count: 1}, source: accord}
              - {id: audit, phase: p1, type: governance, owed-by: [group], target: {measure: audits, count: 1}, source: accord}
              - {id: note, phase: p1, type: governance, owed-by: [group], target: {measure: notes, count: 1}, source: accord}
            """;
    static final Scenario S = new ScenarioLoader().parse("dv.yaml", YAML);

    static String record(String id, String category, String reporterOrg, String... attesters) {
        var att = new StringBuilder();
        for (String a : attesters) {
            String[] byOrg = a.split("@");
            att.append(att.isEmpty() ? "" : ",").append("{\"by\":\"").append(byOrg[0]).append("\",\"org\":\"").append(byOrg[1]).append("\"}");
        }
        return "{\"id\":\"" + id + "\",\"type\":\"statement\",\"time\":\"2000-02-01T00:00:00Z\",\"party\":\"group\","
                + "\"attributes\":{\"category\":\"" + category + "\"},\"reporter\":{\"name\":\"rep\",\"org\":\"" + reporterOrg + "\"},"
                + "\"attestations\":[" + att + "]}";
    }

    static int status(String obligation, String... jsonl) {
        List<EvidenceRecord> records = new EventsReader().parse("dv.jsonl", String.join("\n", jsonl));
        return new GateEngine(S).status(records, Instant.parse("2000-03-01T00:00:00Z")).obligation(obligation).orElseThrow().status();
    }

    @Test
    void theDesignatedBodyAloneVerifiesWhereTwoOtherOrganisationsWouldOtherwiseBeNeeded() {
        assertThat(status("act", record("a", "act", "Armed group", "x@Arms Commission"))).isEqualTo(3);
        // two independent organisations satisfy the default count of 2, but not the commission's designation
        assertThat(status("act", record("a", "act", "Armed group", "x@UK", "y@Ireland"))).isZero();
        // the same two organisations do verify a record no designation covers
        assertThat(status("note", record("n", "note", "Armed group", "x@UK", "y@Ireland"))).isEqualTo(3);
        assertThat(status("note", record("n", "note", "Armed group", "x@Arms Commission"))).isZero();
    }

    @Test
    void aBodyReportingItsOwnFindingHasCertifiedIt() {
        assertThat(status("act", record("a", "act", "Arms Commission"))).isEqualTo(3);
    }

    @Test
    void aMajorityBodyNeedsMoreThanHalfItsMembers() {
        assertThat(status("inspect", record("i", "inspection", "Group", "alice@Panel"))).isZero();           // 1 of 3
        assertThat(status("inspect", record("i", "inspection", "Group", "alice@Panel", "carol@Panel"))).isEqualTo(3); // 2 of 3
    }

    @Test
    void aChairDecidingBodyNeedsItsChairAndOnlyItsChair() {
        assertThat(status("rule", record("r", "ruling", "Group", "dan@T", "fay@T"))).isZero();
        assertThat(status("rule", record("r", "ruling", "Group", "eve@T"))).isEqualTo(3);
    }

    @Test
    void unanimityIsTheDefaultAndNeedsEveryMember() {
        assertThat(status("audit", record("u", "audit", "Group", "gil@Audit"))).isZero();
        assertThat(status("audit", record("u", "audit", "Group", "gil@Audit", "hal@Audit"))).isEqualTo(3);
    }

    @Test
    void theLedgerWorkflowAppliesTheSameRule() {
        var rule = S.verification().ruleFor("statement", java.util.Map.of("category", "inspection"));
        var oneMember = new Workflow.History("i", "rep", "Group", List.of(new Attestation("alice", "Panel")), List.of(), false);
        var twoMembers = new Workflow.History("i", "rep", "Group",
                List.of(new Attestation("alice", "Panel"), new Attestation("bob", "Panel")), List.of(), false);
        assertThat(Workflow.state(oneMember, rule)).isEqualTo(Workflow.State.CORROBORATED);
        assertThat(Workflow.state(twoMembers, rule)).isEqualTo(Workflow.State.VERIFIED);
        assertThat(rule.describe()).isEqualTo("verified by panel (a majority of 3 members)");
    }

    @Test
    void badVerifierDeclarationsAreLocatedAndNamed() {
        String broken = YAML.replace("verified-by: panel}", "verified-by: pannel}")
                .replace("decides-by: chair, chair: eve}", "decides-by: chair, chair: zed}")
                .replace("{party: duo, members: [gil, hal]}", "{party: dou, members: [gil, hal], decides-by: consensus}");
        var error = catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().parse("dv.yaml", broken));
        assertThat(error.problems()).extracting(Problem::render).containsExactlyInAnyOrder(
                "dv.yaml:7:75: verifier 'troika' decides by its chair, but 'zed' is not one of its members (chair: one of [dan, eve, fay])",
                "dv.yaml:8:7: verifier 'dou' is not a party of the scenario (did you mean 'duo'?; declare the body under parties)",
                "dv.yaml:8:53: verifier 'dou' decides by unknown rule 'consensus' (known: chair, majority, unanimity)",
                "dv.yaml:11:71: designated verification refers to unknown verifier 'pannel' (did you mean 'panel'?)",
                "dv.yaml:13:66: designated verification refers to unknown verifier 'duo' (did you mean 'dou'?)");
    }

    @Test
    void aVerifierMustBeAPartyOfTheScenario() {
        String broken = YAML.replace("{id: panel, name: Inspection panel, kind: international-body}", "{id: panels, name: Inspection panel, kind: international-body}");
        var error = catchThrowableOfType(InvalidInputException.class, () -> new ScenarioLoader().parse("dv.yaml", broken));
        assertThat(error.problems()).extracting(Problem::message).containsExactly("verifier 'panel' is not a party of the scenario");
        assertThat(error.problems().getFirst().render()).startsWith("dv.yaml:6:7: ");
    }
}
