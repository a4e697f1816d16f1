package org.phasegate.forecast;

/**
 * A measure that no obligation targets, stood in for by an obligation's progress: the measure's threshold is
 * taken as reached once {@code obligation} is {@code at} (0..1) of the way done.
 */
public record Proxy(String measure, String obligation, double at) {
}
