package org.phasegate.forecast;

/**
 * What one run produced, as step numbers: k means "by the end of step k" (k * stepDays days after the start),
 * 0 means "already at the start", -1 means "not within the horizon".
 */
record RunResult(int[] phaseDone, int collapse, int fallback, int[] gateOpened, long blockers) {
}
