package org.phasegate.forecast;

/** A gate condition compiled against one run's state arrays: indices instead of ids, days instead of instants. */
sealed interface Expr {

    boolean eval(RunState s);

    record All(Expr[] parts) implements Expr {
        public boolean eval(RunState s) {
            for (Expr p : parts) if (!p.eval(s)) return false;
            return true;
        }
    }

    record Any(Expr[] parts) implements Expr {
        public boolean eval(RunState s) {
            for (Expr p : parts) if (p.eval(s)) return true;
            return false;
        }
    }

    record AtLeast(int k, Expr[] parts) implements Expr {
        public boolean eval(RunState s) {
            int met = 0;
            for (Expr p : parts) if (p.eval(s) && ++met >= k) return true;
            return k <= 0;
        }
    }

    record Not(Expr part) implements Expr {
        public boolean eval(RunState s) {
            return !part.eval(s);
        }
    }

    record Const(boolean value) implements Expr {
        public boolean eval(RunState s) {
            return value;
        }
    }

    record GateOpen(int gate) implements Expr {
        public boolean eval(RunState s) {
            return s.gateOpen[gate];
        }
    }

    /** An obligation's progress has reached a share of its target (1 = complete). */
    record Progress(int obligation, double level) implements Expr {
        public boolean eval(RunState s) {
            return s.progress[obligation] >= level - 1e-9;
        }
    }

    /** No violation attributed to the party for {@code days}. */
    record Quiet(int party, double days) implements Expr {
        public boolean eval(RunState s) {
            return s.now - s.lastViolation[party] >= days;
        }
    }

    /** A moment (fixed, or a gate's opening / an obligation's completion plus an offset) has come, or not yet. */
    record Time(Moment moment, boolean after) implements Expr {
        public boolean eval(RunState s) {
            double at = moment.day(s);
            if (Double.isNaN(at)) return false;   // unresolved: as the gate engine, neither after nor before holds
            return after ? s.now >= at : s.now < at;
        }
    }

    sealed interface Moment {
        double day(RunState s);

        record Fixed(double day) implements Moment {
            public double day(RunState s) {
                return day;
            }
        }

        record GateOpened(int gate, double offset) implements Moment {
            public double day(RunState s) {
                return s.gateOpenedDay[gate] + offset;
            }
        }

        record Completed(int obligation, double offset) implements Moment {
            public double day(RunState s) {
                return s.completedDay[obligation] + offset;
            }
        }
    }
}
