package org.phasegate.scenario;

import java.util.List;
import java.util.Map;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.VerificationRule;

/**
 * When a record is verified: by default k independent attestations (per record type if given); records that a
 * {@link Designation} covers are verified only by the designated body's decision, whoever else attests them.
 */
public record Verification(int defaultAttestations, Map<String, Integer> perType,
                           Map<String, VerificationRule.Body> verifiers, List<Designation> designated) {

    /** More independent organisations than any monitoring mission has had; a larger count is a typo. */
    public static final int MAX_ATTESTATIONS = 100;
    public static final Verification SINGLE = new Verification(1, Map.of());

    public Verification {
        checkCount(defaultAttestations);
        perType = Map.copyOf(perType);
        perType.values().forEach(Verification::checkCount);
        verifiers = Map.copyOf(verifiers);
        designated = List.copyOf(designated);
        for (var d : designated) {
            if (!verifiers.containsKey(d.verifiedBy())) throw new IllegalArgumentException("no verifier '" + d.verifiedBy() + "'");
        }
    }

    public Verification(int defaultAttestations, Map<String, Integer> perType) {
        this(defaultAttestations, perType, Map.of(), List.of());
    }

    static void checkCount(int attestations) {
        if (attestations < 0 || attestations > MAX_ATTESTATIONS) {
            throw new IllegalArgumentException("attestations must be 0.." + MAX_ATTESTATIONS + ", not " + attestations);
        }
    }

    public int required(String recordType) {
        return perType.getOrDefault(recordType, defaultAttestations);
    }

    /** The rule for a record of this type with these attributes: the first designation covering it, else the count. */
    public VerificationRule ruleFor(String recordType, Map<String, String> attributes) {
        for (var d : designated) {
            if (d.covers(recordType, attributes)) return verifiers.get(d.verifiedBy());
        }
        return new VerificationRule.Count(required(recordType));
    }

    public boolean verifies(EvidenceRecord r) {
        return ruleFor(r.type().wireName(), r.attributes()).verified(r.reporter(), r.attestations());
    }
}
