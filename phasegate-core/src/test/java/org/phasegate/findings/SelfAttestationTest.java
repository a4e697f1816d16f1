package org.phasegate.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusReport;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * Issue 11, finding 2: a record without 'reporter' became organisation "unknown", so attestations by the reporter's own
 * organisation counted as independent and gates opened. The rule now: without a known reporter no attestation is
 * independent (self-attestation never counts).
 */
class SelfAttestationTest {
    static final Scenario GAZA = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-2025.yaml"));
    static final String EVENTS = TestFiles.read(TestFiles.scenarios().resolve("gaza-2025.events.jsonl"));
    static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theGazaEvidenceMadeSelfAttestedOpensTheSameGatesWithOrWithoutItsReporters() throws Exception {
        var withReporters = open(GAZA.eventsReader().parse("self.jsonl", selfAttested(EVENTS, true)));
        var withoutReporters = open(GAZA.eventsReader().parse("self.jsonl", selfAttested(EVENTS, false)));
        assertThat(withReporters).hasSize(2);
        assertThat(withoutReporters).containsExactlyElementsOf(withReporters);
    }

    @Test
    void aRecordWithoutReporterHasNoIndependentAttestation() {
        var r = new EventsReader().parse("x.jsonl", """
                {"id":"x","type":"incident","time":"2025-01-01","attestations":[{"by":"b","org":"UN"},{"by":"c","org":"EU"}]}
                """).getFirst();
        assertThat(r.independentAttestations()).isZero();
    }

    /** Each record's attestations replaced by one from its reporter's own organisation; the reporter kept or removed. */
    static String selfAttested(String events, boolean keepReporter) throws Exception {
        var json = new ObjectMapper();
        var out = new StringBuilder();
        for (String line : events.lines().toList()) {
            if (line.isBlank()) continue;
            var o = (ObjectNode) json.readTree(line);
            var org = o.path("reporter").path("org").asText();
            if (!keepReporter) o.remove("reporter");
            o.putArray("attestations").addObject().put("by", "self").put("org", org);
            out.append(json.writeValueAsString(o)).append('\n');
        }
        return out.toString();
    }

    static List<String> open(List<EvidenceRecord> records) {
        StatusReport report = new GateEngine(GAZA).status(records, AT);
        return report.gates().stream().filter(g -> g.open()).map(g -> g.gate().id()).toList();
    }
}
