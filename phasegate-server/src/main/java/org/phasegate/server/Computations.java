package org.phasegate.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * How often the server did its expensive work since it started: a cache's single flight shows here as one computation
 * for many requests. Read by tests and benchmarks ({@link Server#computations()}); nothing depends on the counts.
 */
final class Computations {
    /** Status computations of the public view (one gate-engine replay each). */
    final LongAdder publicStatuses = new LongAdder();
    /** API tokens opened: one Argon2id derivation each. */
    final LongAdder tokenOpenings = new LongAdder();
    /** Forecasts run by {@code POST /forecasts}. */
    final LongAdder forecasts = new LongAdder();
    /** Lever re-runs of the forecast page. */
    final LongAdder leverRuns = new LongAdder();
}
