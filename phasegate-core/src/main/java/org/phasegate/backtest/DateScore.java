package org.phasegate.backtest;

import java.time.Instant;
import java.util.Optional;
import org.phasegate.score.CompletionCrps;
import org.phasegate.score.DateOutcome;

/**
 * The CRPS of a completion date forecast at an as-of date ({@code subject}: {@code phase-complete:P} or
 * {@code collapse:G}): the model's, the base rate's where it gives a distribution (the collapse), and what happened,
 * in days after the as-of date, as far as the evaluation time shows.
 */
public record DateScore(String subject, Instant asOf, DateOutcome outcome, CompletionCrps model, Optional<CompletionCrps> baseRate) {
}
