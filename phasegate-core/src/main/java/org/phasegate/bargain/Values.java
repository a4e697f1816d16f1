package org.phasegate.bargain;

import java.util.Optional;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.phasegate.scenario.Numbers;

/** Number parsing with range checks and user-facing messages. */
final class Values {
    private Values() {
    }

    /** A finite decimal within [min, max]; "1d", "0x10", "NaN" and "Infinity" are not numbers here. */
    static double number(String file, int line, String s, String what, double min, double max) throws IssueParseException {
        var problems = new Problems(file);
        var v = number(problems, new Position(line, 0), s, what, min, max);
        if (v.isEmpty()) throw new IssueParseException(problems.list());
        return v.get();
    }

    static Optional<Double> number(Problems problems, Position at, String s, String what, double min, double max) {
        var v = Numbers.parseFinite(s);
        if (v.isEmpty()) {
            problems.add(at, what + " " + Quote.of(s) + " is not a number");
        } else if (!(v.get() >= min && v.get() <= max)) {
            problems.add(at, what + " is " + Quote.shorten(s) + "; it must lie between " + fmt(min) + " and " + fmt(max));
            return Optional.empty();
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
