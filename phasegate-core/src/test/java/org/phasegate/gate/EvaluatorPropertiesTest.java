package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The replay's fast yes/no path and the explained "why not" tree must never disagree. */
class EvaluatorPropertiesTest {
    static final Scenario HISTORY = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.yaml"));
    static final EvidenceIndex INDEX = new EvidenceIndex(HISTORY,
            new EventsReader().read(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.events.jsonl")));

    static LongStream seeds() {
        return Gen.seeds(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fastPathAgreesWithTheExplanation(long seed) {
        var random = new SplittableRandom(seed);
        long t = random.nextLong(1736899200L, 1742428801L);
        int reachedCount = random.nextInt(21);
        var gateOpen = new HashMap<String, Boolean>();
        var status = new HashMap<String, Integer>();
        var moments = new Moments(HISTORY);
        HISTORY.gates().forEach(g -> gateOpen.put(g.id(), random.nextBoolean()));
        HISTORY.obligations().forEach(o -> status.put(o.id(), random.nextInt(4)));
        List<String> ids = new java.util.ArrayList<>(gateOpen.keySet());
        ids.addAll(status.keySet());
        for (int i = 0; i < reachedCount; i++) moments.reach(ids.get(random.nextInt(ids.size())), t - random.nextInt(60 * 86400));
        var evaluator = new Evaluator(HISTORY, INDEX, moments, gateOpen, status);

        HISTORY.gates().forEach(g -> assertThat(evaluator.holds(g.when(), t)).as("seed " + seed + ": " + g.id() + " at " + t)
                .isEqualTo(evaluator.eval(g.when(), t).met()));
    }
}
