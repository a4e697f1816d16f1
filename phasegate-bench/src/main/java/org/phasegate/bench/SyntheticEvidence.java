package org.phasegate.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Scenario;

/**
 * Generates records that match a scenario's measures, spread evenly over a period, so that every gate's
 * conditions have evidence to chew on. Seeded: the same seed gives the same records.
 */
final class SyntheticEvidence {
    private SyntheticEvidence() {
    }

    static List<EvidenceRecord> generate(Scenario s, int count, int days, long seed) {
        var random = new SplittableRandom(seed);
        var measures = s.measures();
        var out = new ArrayList<EvidenceRecord>(count);
        long start = s.start().getEpochSecond();
        for (int i = 0; i < count; i++) {
            var m = measures.get(random.nextInt(measures.size()));
            long at = start + random.nextLong((long) days * 86400);
            out.add(recordFor(m, "syn-" + i, Instant.ofEpochSecond(at), random));
        }
        return out;
    }

    private static EvidenceRecord recordFor(Measure m, String id, Instant at, SplittableRandom random) {
        Map<String, String> attributes = new HashMap<>();
        m.where().forEach((k, v) -> attributes.put(k, v.getFirst()));
        Map<String, Double> quantities = m.quantity().map(q -> Map.of(q, 1.0 + random.nextInt(20))).orElse(Map.of());
        return new EvidenceRecord(id, RecordType.fromWire(m.recordType()).orElseThrow(), at, m.party(), Place.UNKNOWN,
                quantities, attributes, Optional.empty(), Optional.empty(), false, new Attestation("bench", "Monitor-A"),
                List.of(new Attestation("b", "Monitor-B"), new Attestation("c", "Monitor-C")), List.of());
    }
}
