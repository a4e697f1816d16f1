package org.phasegate.forecast;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Problem;

/** What the set's levers do, read from their {@code shifts} ({@link LeverShift}); the engine knows no lever by name. */
final class Shifts {
    private Shifts() {
    }

    /**
     * The probit shift of a condition's threshold: the sum over the levers that shift it, measured from their
     * stated values, so at the stated values it is exactly 0 and moving a lever either way moves it either way.
     */
    static double condition(AssumptionSet set, String condition) {
        return sum(set, condition, Assumed::value) - sum(set, condition, Assumed::stated);
    }

    private static double sum(AssumptionSet set, String condition, ToDoubleFunction<Assumed> lever) {
        double total = 0;
        for (Assumed a : set.assumptions()) {
            for (LeverShift s : a.shifts()) {
                if (s instanceof LeverShift.Condition c && c.condition().equals(condition)) {
                    double reference = c.reference().map(r -> set.value(r, 1)).orElse(1.0);
                    total += c.at(lever.applyAsDouble(a), set.value(c.effect(), 0), reference);
                }
            }
        }
        return total;
    }

    /** The product of the factors the levers at their current values put on {@code name} (1: none). */
    static double factor(AssumptionSet set, String name) {
        double f = 1;
        for (Assumed a : set.assumptions()) {
            for (LeverShift s : a.shifts()) if (s instanceof LeverShift.Multiplies m && m.name().equals(name)) f *= m.factor(a.value());
        }
        return f;
    }

    /** The effect sizes and references the levers name: the model reads them through the levers. */
    static Set<String> referenced(AssumptionSet set) {
        var out = new TreeSet<String>();
        for (Assumed a : set.assumptions()) {
            for (LeverShift s : a.shifts()) {
                if (s instanceof LeverShift.Condition c) {
                    out.add(c.effect());
                    c.reference().ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** Each shift of a lever names a condition, effect and reference of the set, or a number a lever may multiply. */
    static void check(Assumed lever, AssumptionSet set, List<Problem> problems) {
        var conditions = set.assumptions().stream().filter(x -> x.kind() == Assumed.Kind.CONDITION).map(Assumed::id).toList();
        var plain = set.assumptions().stream().filter(x -> x.kind() == Assumed.Kind.ASSUMPTION).map(Assumed::id).toList();
        for (LeverShift s : lever.shifts()) {
            switch (s) {
                case LeverShift.Condition c -> {
                    if (!conditions.contains(c.condition())) problems.add(at(lever, set, "shifts '" + c.condition() + "', which is not a condition of the set", Hints.didYouMean(c.condition(), conditions)));
                    if (!plain.contains(c.effect())) problems.add(at(lever, set, "shifts by '" + c.effect() + "', which is not an assumption of the set", "add it with its value, range and source; " + Hints.didYouMean(c.effect(), plain)));
                    c.reference().filter(r -> !plain.contains(r)).ifPresent(r -> problems.add(at(lever, set, "names reference '" + r + "', which is not an assumption of the set", Hints.didYouMean(r, plain))));
                }
                case LeverShift.Multiplies m -> {
                    boolean allowed = Params.MULTIPLIABLE.contains(m.name()) || m.name().startsWith(Params.DURATION) && !m.name().equals(Params.SPREAD)
                            || m.name().startsWith(Params.VIOLATION_RATE);
                    if (!allowed || set.find(m.name()).isEmpty()) problems.add(at(lever, set, "multiplies '" + m.name() + "', which is not a "
                            + "duration, violation rate, casualty-shock-per-week or contributor-withdrawal-probability of the set", "a lever multiplies a number the set gives"));
                }
            }
        }
    }

    private static Problem at(Assumed lever, AssumptionSet set, String message, String hint) {
        return new Problem(set.file(), lever.at().line(), lever.at().column(), "lever '" + lever.id() + "' " + message, hint);
    }
}
