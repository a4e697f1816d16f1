package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** In the Northern Ireland scenario, acts verify through the IICD and inspections through the two inspectors. */
class NiDesignatedVerifiersTest {
    static final Scenario NI = new ScenarioLoader().load(TestFiles.scenarios().resolve("ni-decommissioning-1998.yaml"));
    static final List<EvidenceRecord> EVENTS = new EventsReader().parse("ni.events.jsonl",
            TestFiles.read(TestFiles.scenarios().resolve("ni-decommissioning-1998.events.jsonl")));

    static EvidenceRecord record(String id) {
        return EVENTS.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static EvidenceRecord attestedBy(EvidenceRecord r, List<Attestation> attestations) {
        return new EvidenceRecord(r.id(), r.type(), r.time(), r.party(), r.place(), r.quantities(), r.attributes(),
                r.obligation(), r.progress(), r.disputed(), r.reporter(), attestations, r.sources());
    }

    @Test
    void theInspectorsOwnReportsAreVerifiedThoughNoOtherOrganisationAttestsThem() {
        assertThat(record("ni98-0010").attestations()).isEmpty();
        assertThat(NI.verification().verifies(record("ni98-0010"))).isTrue();
        assertThat(NI.verification().verifies(record("ni98-0011"))).isTrue();
    }

    @Test
    void anActCountsOnlyWhenTheIicdAttestsItWhoeverElseDoes() {
        var act = record("ni98-0013");   // IRA act of 23 October 2001, attested by the IICD
        assertThat(NI.verification().verifies(act)).isTrue();
        var governmentsOnly = attestedBy(act, List.of(new Attestation("nio", "UK Government (Northern Ireland Office)"),
                new Attestation("dfa", "Irish Government")));
        assertThat(NI.verification().verifies(governmentsOnly)).isFalse();
        var without = EVENTS.stream().map(r -> r.id().equals(act.id()) ? governmentsOnly : r).toList();
        var gate = new GateEngine(NI).status(without, java.time.Instant.parse("2001-12-31T00:00:00Z")).gate("ira-first-act-verified").orElseThrow();
        assertThat(gate.open()).isFalse();
    }

    @Test
    void recordsNoDesignationCoversKeepTheAttestationCount() {
        var suspension = record("ni98-0005");   // governance, attested by Erskine May only
        assertThat(NI.verification().ruleFor("governance", suspension.attributes()).describe()).isEqualTo("1 independent attestation");
        assertThat(NI.verification().verifies(suspension)).isTrue();
        assertThat(NI.verification().verifies(attestedBy(suspension, List.of()))).isFalse();
    }
}
