package org.phasegate.scenario;

import java.util.List;
import org.phasegate.problem.Position;

/** The closed language of gate conditions. Every node remembers where it was written. */
public sealed interface Condition {

    Position at();

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

    record Quiet(String measure, int days, Position at) implements Condition {
    }

    record After(TimeRef time, Position at) implements Condition {
    }

    record Before(TimeRef time, Position at) implements Condition {
    }
}
