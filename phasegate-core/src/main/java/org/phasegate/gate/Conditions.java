package org.phasegate.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Threshold;
import org.phasegate.scenario.TimeRef;

/** Walks condition trees. */
final class Conditions {
    private Conditions() {
    }

    static Stream<Condition> flatten(Condition c) {
        return switch (c) {
            case Condition.AllOf a -> Stream.concat(Stream.of(c), a.parts().stream().flatMap(Conditions::flatten));
            case Condition.AnyOf a -> Stream.concat(Stream.of(c), a.parts().stream().flatMap(Conditions::flatten));
            case Condition.AtLeast a -> Stream.concat(Stream.of(c), a.parts().stream().flatMap(Conditions::flatten));
            case Condition.Not n -> Stream.concat(Stream.of(c), flatten(n.part()));
            default -> Stream.of(c);
        };
    }

    static List<Threshold> thresholds(Condition c) {
        return flatten(c).filter(Condition.Reaches.class::isInstance).map(r -> ((Condition.Reaches) r).threshold()).toList();
    }

    static List<TimeRef> times(Condition c) {
        var out = new ArrayList<TimeRef>();
        flatten(c).forEach(x -> {
            if (x instanceof Condition.After a) out.add(a.time());
            if (x instanceof Condition.Before b) out.add(b.time());
        });
        return out;
    }
}
