package org.phasegate.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.scenario.Assumption;
import org.phasegate.scenario.Party;
import org.phasegate.scenario.Threshold;

/** Records validate their values in their constructors, so no path builds an invalid one; readers locate the refusal. */
class RecordValidationTest {
    static EvidenceRecord record(String id, Map<String, Double> quantities, Optional<Integer> progress) {
        return new EvidenceRecord(id, RecordType.INCIDENT, Instant.EPOCH, Optional.empty(), Place.UNKNOWN, quantities, Map.of(),
                Optional.empty(), progress, false, Attestation.UNKNOWN, List.of(), List.of());
    }

    @Test
    void anEvidenceRecordRefusesBadIdsQuantitiesAndProgress() {
        assertThat(record("ok", Map.of("persons", 2.0), Optional.of(3)).id()).isEqualTo("ok");
        assertThatThrownBy(() -> record(" ", Map.of(), Optional.empty())).hasMessageContaining("record id is missing or blank");
        assertThatThrownBy(() -> record("a\u0000b", Map.of(), Optional.empty())).hasMessageContaining("control character");
        assertThatThrownBy(() -> record("a\ud800", Map.of(), Optional.empty())).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> record("x".repeat(201), Map.of(), Optional.empty())).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> record("a", Map.of("persons", Double.NaN), Optional.empty())).hasMessageContaining("finite");
        assertThatThrownBy(() -> record("a", Map.of("persons", -1.0), Optional.empty())).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> record("a", Map.of(), Optional.of(4))).hasMessageContaining("progress 4 is outside 0..3");
        assertThatThrownBy(() -> new Attestation("x", " ")).hasMessageContaining("attestation 'org' is missing or blank");
    }

    @Test
    void scenarioElementsRefuseValuesNoReaderShouldPass() {
        assertThatThrownBy(() -> new Party("p\u0007", "P", Party.Kind.STATE, Position.UNKNOWN)).hasMessageContaining("control character");
        assertThatThrownBy(() -> new Assumption("a", Double.NaN, 0, 1, "", "", Optional.empty(), Position.UNKNOWN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Threshold("m", Threshold.Aggregate.COUNT, 1, "", Optional.empty(), Optional.empty(), Optional.empty(), 101))
                .hasMessageContaining("0..100");
        assertThatThrownBy(() -> new Threshold("m", Threshold.Aggregate.COUNT, Double.POSITIVE_INFINITY, "", Optional.empty(), Optional.empty(),
                Optional.empty(), 1)).hasMessageContaining("finite");
    }

    @Test
    void theReaderTurnsAConstructorsRefusalIntoALocatedProblem() {
        var e = catchThrowableOfType(InvalidInputException.class, () -> new EventsReader().parse("e.jsonl", """
                {"id":"ok","type":"incident","time":"2025-01-01"}
                {"id":"bad\\u0001id","type":"incident","time":"2025-01-01"}
                """));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("record id", "control character");
        });
    }
}
