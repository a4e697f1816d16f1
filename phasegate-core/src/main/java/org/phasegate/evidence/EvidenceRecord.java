package org.phasegate.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.phasegate.problem.Valid;

/**
 * One observation reported by a monitor, with the attestations that corroborate it.
 * Whether it counts (is verified) depends on the scenario's attestation rule, see {@link #independentAttestations()}.
 */
public record EvidenceRecord(String id, RecordType type, Instant time, Optional<String> party, Place place,
                             Map<String, Double> quantities, Map<String, String> attributes,
                             Optional<String> obligation, Optional<Integer> progress, boolean disputed,
                             Attestation reporter, List<Attestation> attestations, List<SourceRef> sources) {

    public EvidenceRecord {
        Valid.id(id, "record id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        party.ifPresent(p -> Valid.id(p, "record " + id + ": party"));
        Objects.requireNonNull(place, "place");
        quantities = Map.copyOf(quantities);
        quantities.forEach((k, v) -> Valid.nonNegative(v, "record " + Valid.id(k, "a quantity's name") + ": quantity " + k));
        attributes = Map.copyOf(attributes);
        attributes.forEach((k, v) -> Valid.text(v, "record " + id + ": attribute " + Valid.id(k, "an attribute's name"), Valid.MAX_TEXT));
        String reports = attributes.get(Reports.KEY);
        if (reports != null && Reports.fromWire(reports).isEmpty()) {
            throw new IllegalArgumentException("record " + id + ": attribute 'reports' has value " + org.phasegate.problem.Quote.of(reports)
                    + ", not one of " + String.join(", ", Reports.wireNames()));
        }
        obligation.ifPresent(o -> Valid.id(o, "record " + id + ": obligation"));
        progress.ifPresent(p -> {
            if (p < 0 || p > 3) throw new IllegalArgumentException("record " + id + ": progress " + p + " is outside 0..3");
        });
        Objects.requireNonNull(reporter, "reporter");
        attestations = List.copyOf(attestations);
        sources = List.copyOf(sources);
    }

    /**
     * Attesting organisations other than the reporter's, each counted once (names compared as {@link OrgName} does).
     * Without a known reporter nothing is independent: the attestations could come from the reporter's own
     * organisation (self-attestation never counts).
     */
    public int independentAttestations() {
        if (!reporter.known()) return 0;
        var reporterOrg = OrgName.normalise(reporter.org());
        return (int) attestations.stream().map(a -> OrgName.normalise(a.org()))
                .filter(org -> !org.equals(reporterOrg)).distinct().count();
    }

    public double quantity(String key) {
        return quantities.getOrDefault(key, 0.0);
    }
}
