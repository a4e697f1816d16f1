package org.phasegate.gate;

import java.util.List;

/**
 * One node of a "why not" tree: a condition, whether it holds, and how far the evidence is from it.
 * {@code progress} is the share of the way to being met, from 0 to 1.
 */
public record Check(String condition, boolean met, String detail, double progress, List<Check> parts) {

    public Check {
        parts = List.copyOf(parts);
    }

    static Check leaf(String condition, boolean met, String detail, double progress) {
        return new Check(condition, met, detail, met ? 1 : Math.max(0, Math.min(progress, 1)), List.of());
    }

    /** The unmet leaves under this node: the concrete things still missing. */
    public List<Check> unmetLeaves() {
        if (met) return List.of();
        if (parts.isEmpty()) return List.of(this);
        return parts.stream().flatMap(p -> p.unmetLeaves().stream()).toList();
    }
}
