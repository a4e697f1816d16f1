package org.phasegate.scenario;

import java.util.Map;

/** How many independent attestations make a record of each type verified. */
public record Verification(int defaultAttestations, Map<String, Integer> perType) {

    /** More independent organisations than any monitoring mission has had; a larger count is a typo. */
    public static final int MAX_ATTESTATIONS = 100;
    public static final Verification SINGLE = new Verification(1, Map.of());

    public Verification {
        checkCount(defaultAttestations);
        perType = Map.copyOf(perType);
        perType.values().forEach(Verification::checkCount);
    }

    static void checkCount(int attestations) {
        if (attestations < 0 || attestations > MAX_ATTESTATIONS) {
            throw new IllegalArgumentException("attestations must be 0.." + MAX_ATTESTATIONS + ", not " + attestations);
        }
    }

    public int required(String recordType) {
        return perType.getOrDefault(recordType, defaultAttestations);
    }
}
