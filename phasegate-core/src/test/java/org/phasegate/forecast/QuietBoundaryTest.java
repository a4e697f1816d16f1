package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * A run visits the moment a quiet period runs out (the last violation's day plus the period) and evaluates the gates
 * there; the quiet condition must hold at that very moment, whatever the rounding of the sum, and not a moment
 * before. (Computed as "now − last violation ≥ days" it failed for about half of all violation days, and the gate
 * then waited for whatever happened next.)
 */
class QuietBoundaryTest {
    static final Scenario CHAIN = new ScenarioLoader().parse("chain.yaml", StepInvarianceTest.CHAIN);

    static LongStream seeds() {
        return Gen.seeds(20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theQuietGateHoldsExactlyWhenTheQuietPeriodRunsOut(long seed) {
        var random = new SplittableRandom(seed);
        var model = new Model(CHAIN, StartingState.empty(CHAIN, StepInvarianceTest.START), StepInvarianceTest.set(0), "phase-2");
        int gate = Arrays.asList(model.gateIds).indexOf("third");
        int party = Arrays.asList(model.partyIds).indexOf("b");
        var s = new RunState(model);
        Arrays.fill(s.progress, 1);
        double days = model.triggers.quietDays()[party][0];
        for (int i = 0; i < 1000; i++) {
            double violation = random.nextDouble(0, 800);
            s.lastViolation[party] = violation;
            s.now = violation + days;
            assertThat(model.program.gate(gate, s)).as("violation on day %s, now %s", violation, s.now).isTrue();
            s.now = Math.nextDown(violation + days);
            assertThat(model.program.gate(gate, s)).as("violation on day %s, now %s", violation, s.now).isFalse();
        }
    }
}
