package org.phasegate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The workflow's pure rules, over random histories. */
class WorkflowTest {
    @Property
    void verified_means_k_distinct_organisations_other_than_the_reporters(
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 5) Integer> orgs, @ForAll @IntRange(min = 1, max = 4) int k) {
        var attestations = new ArrayList<Attestation>();
        for (int i = 0; i < orgs.size(); i++) attestations.add(new Attestation("u" + i, "org" + orgs.get(i)));
        var h = new Workflow.History("r", "rep", "org0", attestations, List.of(), false);
        long distinct = orgs.stream().filter(o -> o != 0).distinct().count();
        var state = Workflow.state(h, k);
        assertThat(state == Workflow.State.VERIFIED).isEqualTo(distinct >= k);
        assertThat(state == Workflow.State.REPORTED).isEqualTo(distinct == 0);
    }

    @Property
    void rejection_is_final_and_only_the_board_adjudicates(@ForAll List<Workflow.Event> events, @ForAll Role role) {
        var h = new Workflow.History("r", "rep", "org0", List.of(), events, false);
        if (events.contains(Workflow.Event.REJECT) || events.contains(Workflow.Event.OVERTURNED)) {
            assertThat(Workflow.state(h, 1)).isEqualTo(Workflow.State.REJECTED);
            assertThat(Workflow.refuseAttest(h, 1, "x", "org9", Role.MONITOR)).isPresent();
        }
        if (role != Role.BOARD) assertThat(Workflow.refuseAdjudicate(h, 1, "x", role)).hasValueSatisfying(m -> assertThat(m).contains("only the board"));
    }
}
