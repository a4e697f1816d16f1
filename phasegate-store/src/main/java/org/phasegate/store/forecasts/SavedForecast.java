package org.phasegate.store.forecasts;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.phasegate.problem.Valid;

/**
 * A forecast as the history keeps it: its inputs (the scenario and the assumption set with their SHA-256, the
 * evidence cut-off, the seed, the runs, the code version) and its questions' probabilities. {@code id} is 0 until
 * saved; {@code method} is {@code forecast} (from the verified state) or {@code nowcast} (conditioned on the history).
 */
public record SavedForecast(long id, Instant savedAt, String method, String scenario, String scenarioSha256, String assumptionSet,
                            String assumptionSha256, Instant evidenceCutoff, long seed, int runs, String codeVersion,
                            List<SavedQuestion> questions) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SavedForecast {
        questions = List.copyOf(questions);
        if (!method.equals("forecast") && !method.equals("nowcast")) throw new IllegalArgumentException("method is forecast or nowcast, not " + method);
        Valid.id(scenario, "the forecast's scenario");
        if (!SHA256.matcher(scenarioSha256).matches() || !SHA256.matcher(assumptionSha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lowercase hex digits");
        }
        if (assumptionSet.isBlank() || codeVersion.isBlank()) throw new IllegalArgumentException("the assumption set and the code version are named");
        if (runs < 1) throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        if (savedAt == null || evidenceCutoff == null) throw new IllegalArgumentException("a saved forecast says when it was saved and its evidence cut-off");
    }

    /** One question and the probability the forecast gave it. */
    public record SavedQuestion(String id, String kind, String subject, Instant by, double p) {
        public SavedQuestion {
            if (!kind.equals("gate-open") && !kind.equals("phase-complete") && !kind.equals("collapse")) throw new IllegalArgumentException("unknown question kind " + kind);
            Valid.id(subject, "the question's subject");
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("question " + id + ": p must lie in [0, 1], got " + p);
            if (by == null || id.isBlank()) throw new IllegalArgumentException("a question has an id and a date");
        }
    }
}
