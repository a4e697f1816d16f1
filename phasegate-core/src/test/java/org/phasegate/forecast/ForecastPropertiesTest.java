package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.scenario.Scenario;

/** Whatever values the assumptions take within their ranges, a forecast is a set of coherent probabilities. */
class ForecastPropertiesTest {
    static final Scenario GAZA = Sets.gaza();
    static final AssumptionSet SCEPTIC = Sets.bundled(GAZA, "sceptic");
    static final StartingState START = StartingState.of(GAZA,
            GAZA.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl")), Instant.parse("2026-12-01T00:00:00Z"));

    static LongStream seeds() {
        return Gen.seeds(15);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void curvesAreMonotoneProbabilitiesAndFallbackImpliesCollapse(long seed) {
        var random = new SplittableRandom(seed);
        List<Double> at = random.doubles(SCEPTIC.assumptions().size(), 0, 1).boxed().toList();
        var set = SCEPTIC;
        for (int i = 0; i < at.size(); i++) {
            var a = SCEPTIC.assumptions().get(i);
            set = set.with(a.id(), a.low() + at.get(i) * (a.high() - a.low()));
        }
        var o = new ForecastOptions(random.nextLong(), 300, 2, 7, 730, ForecastOptions.defaults(1, 1).by(), "phase-2", 0, java.util.Optional.empty());
        var f = new Forecaster().forecast(GAZA, START, set, o);
        for (var p : f.phases()) monotone(p.complete().curve());
        monotone(f.collapse().curve());
        var fallback = f.fallback().orElseThrow().outlook();
        monotone(fallback.curve());
        for (int i = 0; i < f.collapse().curve().size(); i++) {
            assertThat(fallback.curve().get(i).p()).isLessThanOrEqualTo(f.collapse().curve().get(i).p());
        }
        for (var g : f.gates()) assertThat(g.open().p()).isBetween(0.0, 1.0);
        assertThat(f.blockers()).allSatisfy(b -> assertThat(b.share()).isBetween(0.0, 1.0));
    }

    private static void monotone(List<Forecast.Estimate> curve) {
        for (int i = 0; i < curve.size(); i++) {
            var e = curve.get(i);
            assertThat(e.p()).isBetween(0.0, 1.0);
            assertThat(e.se()).isCloseTo(Math.sqrt(e.p() * (1 - e.p()) / 300), org.assertj.core.data.Offset.offset(1e-12));
            if (i > 0) assertThat(e.p()).isGreaterThanOrEqualTo(curve.get(i - 1).p());
        }
    }
}
