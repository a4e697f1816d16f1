package org.phasegate.durability;

import java.util.List;

/**
 * A fitted durability model and how it came about: the data it was fitted on (file as named, rows, events, SHA-256)
 * and the cross-validated selection of its covariates. What {@code durability predict} and the forecast read.
 */
public record DurabilityModel(WeibullPh weibull, Selection selection, String dataset, int rows, String sha256) {
    /** Covariates always in the model: the forecast asks about a ceasefire (cease) and applies peacekeeping (pko). */
    public static final List<String> FORCED = List.of("cease", "pko");
    public static final int FOLDS = 5;
    public static final long SEED = 1;
    /** A candidate provision needs at least this many agreements with it and without it (rarer ones cannot be fitted). */
    public static final int MIN_EACH = 10;

    public DurabilityModel {
        if (!weibull.covariates().equals(selection.chosen())) {
            throw new IllegalArgumentException("the model's covariates " + weibull.covariates() + " are not the chosen " + selection.chosen());
        }
        if (rows != weibull.n()) throw new IllegalArgumentException("the model was fitted on " + weibull.n() + " agreements, not " + rows);
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
    }

    /** Selects covariates by cross-validation on all of {@code data}, then fits the chosen model on all of it. */
    public static DurabilityModel fit(AgreementData data) {
        var agreements = data.agreements();
        var candidates = Selection.candidates(agreements, FORCED, MIN_EACH);
        var selection = Selection.run(agreements, FORCED, candidates, FOLDS, SEED);
        return new DurabilityModel(WeibullFit.fit(agreements, selection.chosen()), selection, data.source(), data.rows(), data.sha256());
    }

    /** Fits exactly these covariates, with no selection (the selection record says so: no candidates, no rounds). */
    public static DurabilityModel fit(AgreementData data, List<String> covariates) {
        var selection = new Selection(covariates, List.of(), FOLDS, SEED, List.of(), covariates);
        return new DurabilityModel(WeibullFit.fit(data.agreements(), covariates), selection, data.source(), data.rows(), data.sha256());
    }
}
