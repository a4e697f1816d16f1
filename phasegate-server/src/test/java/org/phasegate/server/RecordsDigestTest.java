package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.evidence.SourceRef;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusJson;
import org.phasegate.scenario.ScenarioLoader;

/**
 * The forecast cache's key: two record lists with the same {@code hashCode} (built so: "beyond-use" and "cFyond-use"
 * hash alike) but different content give different answers, and so must get different keys.
 */
class RecordsDigestTest {
    private static List<EvidenceRecord> decommissioned(String event) {
        return List.of(new EvidenceRecord("dc-1", RecordType.DECOMMISSIONING, Instant.parse("2026-01-05T00:00:00Z"), Optional.of("hamas"),
                new Place(Optional.empty(), Optional.empty()), Map.of("weapons", 500.0), Map.of("event", event), Optional.empty(),
                Optional.empty(), false, new Attestation("mona", "UNOPS"), List.of(new Attestation("nina", "ICRC"), new Attestation("omar", "EUBAM")),
                List.of(new SourceRef("https://example.org/report", Optional.empty(), Optional.empty()))));
    }

    @Test
    void lists_with_equal_hash_codes_and_different_answers_get_different_digests() throws Exception {
        var counted = decommissioned("beyond-use");
        var notCounted = decommissioned("cFyond-use");
        assertThat(counted.hashCode()).isEqualTo(notCounted.hashCode());   // what the old key used: it collided
        var scenario = new ScenarioLoader().load(ApiFixture.SCENARIO);
        var asOf = Instant.parse("2026-01-15T00:00:00Z");
        var a = StatusJson.render(new GateEngine(scenario).status(counted, asOf), List.of());
        var b = StatusJson.render(new GateEngine(scenario).status(notCounted, asOf), List.of());
        assertThat(a).isNotEqualTo(b);
        assertThat(RecordsDigest.of(counted)).isNotEqualTo(RecordsDigest.of(notCounted));
    }

    @Test
    void equal_content_gets_equal_digests_and_order_counts() {
        var one = decommissioned("beyond-use").get(0);
        var other = decommissioned("declared").get(0);
        assertThat(RecordsDigest.of(List.of(one, other)))
                .isEqualTo(RecordsDigest.of(List.of(decommissioned("beyond-use").get(0), decommissioned("declared").get(0))));
        assertThat(RecordsDigest.of(List.of(one, other))).isNotEqualTo(RecordsDigest.of(List.of(other, one)));
        assertThat(RecordsDigest.of(List.of())).isNotEqualTo(RecordsDigest.of(List.of(one)));
        assertThat(RecordsDigest.of(decommissioned("beyond-use"))).isNotEqualTo(RecordsDigest.of(decommissioned("beyond-use ")));
    }

    @Test
    void where_one_text_ends_and_the_next_begins_counts() {
        var r = decommissioned("x").get(0);
        var split1 = new EvidenceRecord(r.id(), r.type(), r.time(), r.party(), r.place(), r.quantities(), Map.of("a", "bc"), r.obligation(),
                r.progress(), r.disputed(), r.reporter(), r.attestations(), r.sources());
        var split2 = new EvidenceRecord(r.id(), r.type(), r.time(), r.party(), r.place(), r.quantities(), Map.of("ab", "c"), r.obligation(),
                r.progress(), r.disputed(), r.reporter(), r.attestations(), r.sources());
        assertThat(RecordsDigest.of(List.of(split1))).isNotEqualTo(RecordsDigest.of(List.of(split2)));
    }
}
