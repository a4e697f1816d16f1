package org.phasegate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;

/**
 * The Northern Ireland scenario writes every armed group's decommissioning the same way: an obligation of the
 * same type, owed to the same parties, due on the same date, complete on the same kind of evidence, and the same
 * two gates. A change to one group's rules that is not made to the others fails here.
 */
class NiScenarioNeutralityTest {
    private final Scenario ni = new ScenarioLoader().load(TestFiles.scenarios().resolve("ni-decommissioning-1998.yaml"));

    record Shape(Obligation.Type type, List<String> owedTo, String deadline, boolean optional,
                 Threshold.Aggregate aggregate, double level, String recordType, Object where) {
    }

    @Test
    void everyArmedGroupOwesDecommissioningInTheSameShape() {
        var groups = ni.parties().stream().filter(p -> p.kind() == Party.Kind.ARMED_GROUP).map(Party::id).toList();
        assertThat(groups).containsExactlyInAnyOrder("ira", "uvf-rhc", "uda-uff", "lvf");

        var shapes = groups.stream().map(this::shape).distinct().toList();
        assertThat(shapes).as("one shape for all groups").hasSize(1);
        for (var g : groups) {
            var target = ni.obligation("decommission-" + g).orElseThrow().target().orElseThrow();
            assertThat(ni.measure(target.measure()).orElseThrow().party()).contains(g);
            assertThat(ni.obligation("decommission-" + g).orElseThrow().owedBy()).containsExactly(g);
            assertThat(ni.gate(g + "-first-act-verified")).as(g).isPresent();
            assertThat(ni.gate(g + "-all-arms-verified")).as(g).isPresent();
            assertThat(ni.obligation("decommission-" + g + "-by-june-2001")).as(g + ": re-timetabled by an amendment record, not a copy").isEmpty();
        }
    }

    private Shape shape(String group) {
        var o = ni.obligation("decommission-" + group).orElseThrow();
        var t = o.target().orElseThrow();
        var m = ni.measure(t.measure()).orElseThrow();
        return new Shape(o.type(), o.owedTo(), o.deadline().map(Object::toString).orElse(""), o.optional(),
                t.aggregate(), t.level(), m.recordType(), m.where());
    }
}
