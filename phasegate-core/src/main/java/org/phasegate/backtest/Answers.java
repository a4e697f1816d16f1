package org.phasegate.backtest;

import java.util.List;
import java.util.Map;
import org.phasegate.score.CompletionForecast;

/**
 * What a forecaster says at an as-of date: one probability per question, in the questions' order, and, where it
 * gives one, the distribution of when something completes ({@code completions}, keyed by {@link #key}), which the
 * backtest scores with the CRPS. A forecaster that gives no distributions leaves the map empty.
 */
public record Answers(List<Probability> probabilities, Map<String, CompletionForecast> completions) {

    public Answers {
        probabilities = List.copyOf(probabilities);
        completions = Map.copyOf(completions);
    }

    /** The key of a completion: the question kind and subject, e.g. {@code collapse:ceasefire-holding}, {@code phase-complete:phase-2}. */
    public static String key(org.phasegate.score.Question q) {
        String id = q.id();
        return id.substring(0, id.length() - (":by:" + q.by()).length());   // the id ends with ":by:" and the date
    }
}
