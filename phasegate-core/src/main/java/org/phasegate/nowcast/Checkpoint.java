package org.phasegate.nowcast;

import java.time.Instant;

/**
 * One checkpoint of a nowcast: the moment the runs were weighed against the verified history, how many verified
 * facts fell in the stretch before it ({@code events}: openings and completions; the absences are weighed at every
 * checkpoint) and the effective sample size of the weights there, before resampling; {@code agreeing}: the runs that agree with every fact of the stretch on
 * whether it happened (0: none does, and the weights rest on timing and the mismatch probability alone).
 */
public record Checkpoint(Instant at, int events, double ess, int agreeing, int runs) {
    public Checkpoint {
        if (at == null) throw new IllegalArgumentException("a checkpoint needs its moment");
        if (events < 0 || runs < 1 || agreeing < 0 || agreeing > runs || !(ess >= 1 - 1e-9 && ess <= runs * (1 + 1e-12))) {
            throw new IllegalArgumentException("checkpoint " + at + ": events " + events + ", ess " + ess + " of " + runs + " runs");
        }
    }

    /** The effective sample size as a share of the runs. */
    public double essShare() {
        return ess / runs;
    }
}
