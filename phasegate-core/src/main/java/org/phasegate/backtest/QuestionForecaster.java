package org.phasegate.backtest;

import java.time.Instant;
import java.util.List;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.scenario.Scenario;
import org.phasegate.score.Question;

/**
 * What the backtest scores: a function from (scenario, the evidence known at the as-of date, assumption set, seed)
 * to the probability of each question. The plain forecast as of D is one ({@link ModelForecaster}); a nowcast
 * conditioned on the verified history can take its place without the backtest changing. {@code known} holds only
 * records dated at or before {@code asOf}, and {@code imported} only the imported series' rows whose period had ended
 * by then: the backtest cuts them, so no implementation can see later ones.
 */
@FunctionalInterface
public interface QuestionForecaster {

    /** One probability per question, in the questions' order, and any completion-date distributions. */
    Answers forecast(Scenario scenario, List<EvidenceRecord> known, List<EvidenceRecord> imported, Instant asOf, AssumptionSet set, long seed,
                     List<Question> questions);
}
