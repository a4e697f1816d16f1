package org.phasegate.backtest;

import java.time.Instant;
import java.util.Objects;
import org.phasegate.score.Question;
import org.phasegate.score.Resolution;

/**
 * One question asked at an as-of date: the model's probability, the base rate's, and how the question stood at the
 * backtest's evaluation time (resolved yes or no, or still open).
 */
public record Asked(Question question, Instant asOf, Probability model, BaseRate.Estimate baseRate, Resolution resolution) {

    public Asked {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseRate, "baseRate");
        if (!resolution.question().equals(question)) throw new IllegalArgumentException("the resolution is of another question: " + resolution.question().id());
        if (!question.by().isAfter(asOf)) throw new IllegalArgumentException("question " + question.id() + " is not after its as-of date " + asOf);
    }

    public boolean resolved() {
        return resolution.state() != Resolution.State.UNRESOLVED;
    }

    /** Days from the as-of date to the question's date. */
    public long horizonDays() {
        return java.time.Duration.between(asOf, question.by()).toDays();
    }
}
