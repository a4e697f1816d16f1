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

    public static TimeSplit of(List<Agreement> data, int year) {
        var train = data.stream().filter(a -> a.signed().getYear() < year).toList();
        var test = data.stream().filter(a -> a.signed().getYear() >= year).toList();
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("splitting at " + year + " leaves " + train.size() + " earlier and " + test.size() + " later agreements");
        }
        var candidates = Selection.candidates(train, DurabilityModel.FORCED, DurabilityModel.MIN_EACH);
        var selection = Selection.run(train, DurabilityModel.FORCED, candidates, DurabilityModel.FOLDS, DurabilityModel.SEED);
        var model = WeibullFit.fit(train, selection.chosen());
        var km = KaplanMeier.of(train);
        return new TimeSplit(year, train.size(), events(train), test.size(), events(test), selection.chosen(),
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
