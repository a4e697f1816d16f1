package org.phasegate.forecast;

/**
 * A gate condition compiled against one run's state arrays: indices instead of ids, days (from the forecast's
 * start) instead of instants. {@link Program} flattens these trees for evaluation.
 */
sealed interface Expr {

    record All(Expr[] parts) implements Expr {
    }

    record Any(Expr[] parts) implements Expr {
    }

    record AtLeast(int k, Expr[] parts) implements Expr {
    }

    record Not(Expr part) implements Expr {
    }

    record Const(boolean value) implements Expr {
    }

    record GateOpen(int gate) implements Expr {
    }

    /** An obligation's progress has reached a share of its target (1 = complete). */
    record Progress(int obligation, double level) implements Expr {
    }

    /** No violation attributed to the party for {@code days}. */
    record Quiet(int party, double days) implements Expr {
    }

    /** A moment has come ({@code after}) or not yet; a moment that has not happened satisfies neither. */
    record Time(Moment moment, boolean after) implements Expr {
    }

    /** A fixed day, or a gate's opening or an obligation's completion in this run, plus an offset in days. */
    sealed interface Moment {
        record Fixed(double day) implements Moment {
        }

        record GateOpened(int gate, double offset) implements Moment {
        }

        record Completed(int obligation, double offset) implements Moment {
        }
    }
}
