package org.phasegate.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.durability.AgreementReader;

/** No hindsight: a forecast as of D sees only records dated at or before D, and is the same whether later ones exist or not. */
class BacktestTest {
    private static final Jan2025 JAN = new Jan2025();
    private static final BaseRate BASE = BaseRate.of(new AgreementReader().read(TestFiles.sharedData().resolve("agreements/ucdp-pad-1975-2004.csv")), JAN.scenario);
    private static final ModelForecaster MODEL = new ModelForecaster(200, 2, 7);
    private static final Instant START = Instant.parse("2025-01-15T00:00:00Z");
    private static final Instant CUT = Instant.parse("2025-02-12T00:00:00Z");

    private static List<String> forecastsUpTo(BacktestResult r, Instant t) {
        return r.asked().stream().filter(a -> !a.asOf().isAfter(t))
                .map(a -> a.asOf() + " " + a.question().id() + " " + a.model() + " " + a.baseRate().p()).toList();
    }

    @Test
    void theForecastsUpToDAreTheSameWithAndWithoutTheRecordsAfterD() {
        var set = JAN.set("sceptic");
        var all = new Backtest(MODEL, BASE).run(JAN.scenario, JAN.records, set, 5, new Plan(START, Instant.parse("2025-03-18T02:00:00Z"), 7, List.of(30, 90)), n -> { });
        var cut = new Backtest(MODEL, BASE).run(JAN.scenario, JAN.until(CUT), set, 5, new Plan(START, CUT, 7, List.of(30, 90)), n -> { });
        assertThat(JAN.records.size()).isGreaterThan(JAN.until(CUT).size());
        assertThat(forecastsUpTo(all, CUT)).hasSize(cut.asked().size()).isEqualTo(forecastsUpTo(cut, CUT));
        assertThat(cut.asked()).anyMatch(a -> a.model().p() > 0.05 && a.model().p() < 0.95);   // not trivially equal
    }

    @Test
    void theForecasterIsHandedExactlyTheRecordsDatedAtOrBeforeEachAsOfDate() {
        var seen = new ArrayList<String>();
        QuestionForecaster spy = (s, known, imported, asOf, set, seed, qs) -> {
            long expected = JAN.records.stream().filter(r -> !r.time().isAfter(asOf)).count();
            boolean onlyBefore = known.stream().noneMatch(r -> r.time().isAfter(asOf));
            seen.add(asOf + " " + known.size() + "/" + expected + " " + onlyBefore);
            return MODEL.forecast(s, known, imported, asOf, set, seed, qs);
        };
        new Backtest(spy, BASE).run(JAN.scenario, JAN.records, JAN.set("leverage"), 5, new Plan(START, Instant.parse("2025-03-18T02:00:00Z"), 14, List.of(30)), n -> { });
        assertThat(seen).hasSize(5).allMatch(line -> line.endsWith(" true") && sameCounts(line));
        assertThat(seen.getFirst()).startsWith("2025-01-15T00:00:00Z 0/0");
    }

    @Test
    void completionDatesAreScoredAgainstWhenTheCeasefireCollapsed() {
        var r = new Backtest(MODEL, BASE).run(JAN.scenario, JAN.records, JAN.set("sceptic"), 5,
                new Plan(Instant.parse("2025-02-12T00:00:00Z"), Instant.parse("2025-03-18T02:00:00Z"), 7, List.of(30, 90)), n -> { });
        var collapse = r.dates().stream().filter(d -> d.subject().equals("collapse:ceasefire-holding")).findFirst().orElseThrow();
        assertThat(collapse.asOf()).isEqualTo(Instant.parse("2025-02-12T00:00:00Z"));
        assertThat(collapse.outcome().completedDay().getAsDouble()).isEqualTo(34 + 2 / 24.0);   // strikes resumed 18 March, 02:00 UTC
        assertThat(collapse.model().windowDays()).isEqualTo(34 + 2 / 24.0);
        assertThat(collapse.baseRate()).isPresent();
        // "collapse within 90 days" asked on 12 February resolved yes on 18 March, before its date: not scored
        assertThat(r.asked()).anyMatch(a -> a.question().id().equals("collapse:ceasefire-holding:by:2025-05-13T00:00:00Z") && a.resolved());
        assertThat(r.scored()).isNotEmpty().allMatch(a -> !a.question().by().isAfter(r.plan().until()) && a.resolved());
        assertThat(r.resolvedEarly()).isPositive();
        assertThat(r.dates()).filteredOn(d -> d.subject().startsWith("phase-complete:"))
                .isNotEmpty().allMatch(d -> d.outcome().completedDay().isEmpty() && d.baseRate().isEmpty());
    }

    @Test
    void aCurveOfRunsDoneByEachStepGivesEachRunTheEndOfItsStep() {
        var curve = List.of(estimate(0), estimate(0.25), estimate(0.25), estimate(0.75));
        var c = ModelForecaster.completion(curve, 4, 7);
        assertThat(c.completedDays()).containsExactly(7, 21, 21);
        assertThat(c.notCompleted()).isEqualTo(1);
        assertThat(c.horizonDays()).isEqualTo(21);
    }

    private static org.phasegate.forecast.Forecast.Estimate estimate(double p) {
        return new org.phasegate.forecast.Forecast.Estimate(null, p, 0);
    }

    private static boolean sameCounts(String line) {
        String[] counts = line.split(" ")[1].split("/");
        return counts[0].equals(counts[1]);
    }
}
