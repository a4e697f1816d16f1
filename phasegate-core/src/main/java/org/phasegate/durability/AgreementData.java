package org.phasegate.durability;

import java.util.List;
import java.util.function.Predicate;

/** Agreements read from one file, with where they came from: the file as named, its row count and SHA-256. */
public record AgreementData(String source, String sha256, List<Agreement> agreements) {

    public AgreementData {
        agreements = List.copyOf(agreements);
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
    }

    public int rows() {
        return agreements.size();
    }

    public long events() {
        return agreements.stream().filter(Agreement::event).count();
    }

    /** The agreements that pass {@code keep}, same provenance (a subset says which file it came from). */
    public List<Agreement> where(Predicate<Agreement> keep) {
        return agreements.stream().filter(keep).toList();
    }
}
