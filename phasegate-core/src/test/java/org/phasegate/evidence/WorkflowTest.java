package org.phasegate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;

/** The workflow's pure rules, over random histories. */
class WorkflowTest {
    static LongStream seeds() {
        return Gen.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void verified_means_k_distinct_organisations_other_than_the_reporters(long seed) {
        var random = new SplittableRandom(seed);
        List<Integer> orgs = Gen.list(random, 0, 12, r -> r.nextInt(6));
        int k = random.nextInt(1, 5);
        var attestations = new ArrayList<Attestation>();
        for (int i = 0; i < orgs.size(); i++) attestations.add(new Attestation("u" + i, "org" + orgs.get(i)));
        var h = new Workflow.History("r", "rep", "org0", attestations, List.of(), false);
        long distinct = orgs.stream().filter(o -> o != 0).distinct().count();
        var state = Workflow.state(h, k);
        assertThat(state == Workflow.State.VERIFIED).as("seed %d: %s k=%d", seed, orgs, k).isEqualTo(distinct >= k);
        assertThat(state == Workflow.State.REPORTED).as("seed %d: %s k=%d", seed, orgs, k).isEqualTo(distinct == 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rejection_is_final_and_only_the_board_adjudicates(long seed) {
        var random = new SplittableRandom(seed);
        List<Workflow.Event> events = Gen.list(random, 0, 6, r -> Gen.oneOf(r, Arrays.asList(Workflow.Event.values())));
        Role role = Gen.oneOf(random, Arrays.asList(Role.values()));
        var h = new Workflow.History("r", "rep", "org0", List.of(), events, false);
        if (events.contains(Workflow.Event.REJECT) || events.contains(Workflow.Event.OVERTURNED)) {
            assertThat(Workflow.state(h, 1)).as("seed %d: %s", seed, events).isEqualTo(Workflow.State.REJECTED);
            assertThat(Workflow.refuseAttest(h, 1, "x", "org9", Role.MONITOR)).as("seed %d", seed).isPresent();
        }
        if (role != Role.BOARD) {
            assertThat(Workflow.refuseAdjudicate(h, 1, "x", role)).as("seed %d: %s", seed, role)
                    .hasValueSatisfying(m -> assertThat(m).contains("only the board"));
        }
    }
}
