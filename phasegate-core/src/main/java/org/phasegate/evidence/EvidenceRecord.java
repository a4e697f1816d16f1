package org.phasegate.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation reported by a monitor, with the attestations that corroborate it.
 * Whether it counts (is verified) depends on the scenario's attestation rule, see {@link #independentAttestations()}.
 */
public record EvidenceRecord(String id, RecordType type, Instant time, Optional<String> party, Place place,
                             Map<String, Double> quantities, Map<String, String> attributes,
                             Optional<String> obligation, Optional<Integer> progress, boolean disputed,
                             Attestation reporter, List<Attestation> attestations, List<SourceRef> sources) {

    public EvidenceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        quantities = Map.copyOf(quantities);
        attributes = Map.copyOf(attributes);
        attestations = List.copyOf(attestations);
        sources = List.copyOf(sources);
    }

    /** Attesting organisations other than the reporter's, each counted once (names compared as {@link OrgName} does). */
    public int independentAttestations() {
        var reporterOrg = OrgName.normalise(reporter.org());
        return (int) attestations.stream().map(a -> OrgName.normalise(a.org()))
                .filter(org -> !org.equals(reporterOrg)).distinct().count();
    }

    public double quantity(String key) {
        return quantities.getOrDefault(key, 0.0);
    }
}
