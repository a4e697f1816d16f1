package org.phasegate.forecast;

/**
 * What one run produced, as days from the forecast's start: 0 means "already at the start", NaN "not within the
 * horizon".
 */
record RunResult(double[] phaseDone, double collapse, double fallback, double[] gateOpened, long blockers) {
}
