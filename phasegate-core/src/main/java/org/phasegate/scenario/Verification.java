package org.phasegate.scenario;

import java.util.Map;

/** How many independent attestations make a record of each type verified. */
public record Verification(int defaultAttestations, Map<String, Integer> perType) {

    public static final Verification SINGLE = new Verification(1, Map.of());

    public Verification {
        if (defaultAttestations < 0) throw new IllegalArgumentException("attestations cannot be negative");
        perType = Map.copyOf(perType);
    }

    public int required(String recordType) {
        return perType.getOrDefault(recordType, defaultAttestations);
    }
}
