package org.phasegate.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a record's quantities state (its attribute {@code reports}): an increment since the last record (the default),
 * the cumulative total to date ("7,132 weapons in custody", which restates the total and so revises it), or a
 * percentage of the total (for a fraction target; it holds whether or not the total itself is known).
 */
public enum Reports {
    INCREMENT, CUMULATIVE, PERCENT;

    /** The record attribute that says which. */
    public static final String KEY = "reports";

    public String wireName() {
        return name().toLowerCase();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Reports::wireName).toList();
    }

    public static Optional<Reports> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }

    /** The record's form; an unknown value is refused when the record is read, so it cannot reach here. */
    public static Reports of(EvidenceRecord r) {
        String v = r.attributes().get(KEY);
        return v == null ? INCREMENT : fromWire(v).orElseThrow();
    }
}
