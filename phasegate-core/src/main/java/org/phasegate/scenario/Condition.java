package org.phasegate.scenario;

import java.util.List;
import java.util.stream.Stream;
import org.phasegate.problem.Position;

/** The closed language of gate conditions. Every node remembers where it was written. */
public sealed interface Condition {

    Position at();

    /** This condition and every condition inside it, depth first. */
    default Stream<Condition> walk() {
        var inner = switch (this) {
            case AllOf a -> a.parts().stream();
            case AnyOf a -> a.parts().stream();
            case AtLeast a -> a.parts().stream();
            case Not n -> Stream.of(n.part());
            default -> Stream.<Condition>empty();
        };
        return Stream.concat(Stream.of(this), inner.flatMap(Condition::walk));
    }

    record AllOf(List<Condition> parts, Position at) implements Condition {
        public AllOf {
            parts = List.copyOf(parts);
        }
    }

    record AnyOf(List<Condition> parts, Position at) implements Condition {
        public AnyOf {
            parts = List.copyOf(parts);
        }
    }

    record AtLeast(int k, List<Condition> parts, Position at) implements Condition {
        public AtLeast {
            parts = List.copyOf(parts);
        }
    }

    record Not(Condition part, Position at) implements Condition {
    }

    record GateOpen(String gate, Position at) implements Condition {
    }

    record ObligationStatus(String obligation, int status, Position at) implements Condition {
    }

    record Reaches(Threshold threshold, Position at) implements Condition {
    }

    /** A stage of a staged obligation has been verified met (stages latch). */
    record StageMet(String stage, Position at) implements Condition {
    }

    record Quiet(String measure, int days, Position at) implements Condition {
    }

    record After(TimeRef time, Position at) implements Condition {
    }

    record Before(TimeRef time, Position at) implements Condition {
    }
}
