package org.phasegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The replay's fast yes/no path and the explained "why not" tree must never disagree. */
class EvaluatorPropertiesTest {
    static final Scenario HISTORY = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.yaml"));
    static final EvidenceIndex INDEX = new EvidenceIndex(HISTORY,
            new EventsReader().read(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.events.jsonl")));

    @Property(tries = 300)
    void fastPathAgreesWithTheExplanation(@ForAll @LongRange(min = 1736899200L, max = 1742428800L) long t,
                                          @ForAll long stateSeed, @ForAll @IntRange(min = 0, max = 20) int reachedCount) {
        var random = new java.util.SplittableRandom(stateSeed);
        var gateOpen = new HashMap<String, Boolean>();
        var status = new HashMap<String, Integer>();
        var moments = new Moments(HISTORY);
        HISTORY.gates().forEach(g -> gateOpen.put(g.id(), random.nextBoolean()));
        HISTORY.obligations().forEach(o -> status.put(o.id(), random.nextInt(4)));
        List<String> ids = new java.util.ArrayList<>(gateOpen.keySet());
        ids.addAll(status.keySet());
        for (int i = 0; i < reachedCount; i++) moments.reach(ids.get(random.nextInt(ids.size())), t - random.nextInt(60 * 86400));
        var evaluator = new Evaluator(HISTORY, INDEX, moments, gateOpen, status);

        HISTORY.gates().forEach(g -> assertThat(evaluator.holds(g.when(), t)).as(g.id() + " at " + t)
                .isEqualTo(evaluator.eval(g.when(), t).met()));
    }
}
