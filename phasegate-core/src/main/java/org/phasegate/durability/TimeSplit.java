package org.phasegate.durability;

import java.util.List;

/**
 * How the fitting procedure does on agreements it never saw: select and fit on those signed before {@code year},
 * then score the later ones — concordance, and the Brier score at one and two years beside the Kaplan–Meier base
 * rate of the earlier agreements (a forecaster that knows no provisions).
 */
public record TimeSplit(int year, int trainRows, long trainEvents, int testRows, long testEvents, List<String> chosen,
                        double concordance, double brier1y, double brier2y, double baseBrier1y, double baseBrier2y) {
    public static final double ONE_YEAR = WeibullPh.DAYS_PER_YEAR;
    public static final double TWO_YEARS = 2 * WeibullPh.DAYS_PER_YEAR;

    public TimeSplit {
        chosen = List.copyOf(chosen);
    }

    /** With the cross-validated selection on the earlier agreements. */
    public static TimeSplit of(List<Agreement> data, int year) {
        return of(data, year, List.of());
    }

    /** With exactly {@code covariates} when not empty (as {@code durability fit --covariates}), else the selection. */
    public static TimeSplit of(List<Agreement> data, int year, List<String> covariates) {
        var train = data.stream().filter(a -> a.signed().getYear() < year).toList();
        var test = data.stream().filter(a -> a.signed().getYear() >= year).toList();
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("splitting at " + year + " leaves " + train.size() + " earlier and " + test.size() + " later agreements");
        }
        var chosen = covariates;
        if (chosen.isEmpty()) {
            var candidates = Selection.candidates(train, DurabilityModel.FORCED, DurabilityModel.MIN_EACH);
            chosen = Selection.run(train, DurabilityModel.FORCED, candidates, DurabilityModel.FOLDS, DurabilityModel.SEED).chosen();
        }
        var model = WeibullFit.fit(train, chosen);
        var km = KaplanMeier.of(train);
        return new TimeSplit(year, train.size(), events(train), test.size(), events(test), chosen,
                Scoring.concordance(model, test),
                Scoring.brier(test, ONE_YEAR, a -> model.ended(ONE_YEAR, a.provisions())),
                Scoring.brier(test, TWO_YEARS, a -> model.ended(TWO_YEARS, a.provisions())),
                Scoring.brier(test, ONE_YEAR, a -> km.ended(ONE_YEAR)),
                Scoring.brier(test, TWO_YEARS, a -> km.ended(TWO_YEARS)));
    }

    private static long events(List<Agreement> data) {
        return data.stream().filter(Agreement::event).count();
    }
}
