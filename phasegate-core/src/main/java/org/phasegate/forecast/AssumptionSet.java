package org.phasegate.forecast;

import org.phasegate.problem.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.durability.DurabilityModel;
import org.phasegate.problem.Hints;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

/**
 * A named, sourced set of assumptions (one view of the world), plus the proxies for unmodelled measures and the
 * fitted durability model whose baseline hazard the ceasefire's collapse follows (docs/durability.md).
 */
public record AssumptionSet(String name, String file, List<Assumed> assumptions, List<Proxy> proxies,
                            Optional<DurabilityModel> durability, String durabilityFile) {

    public AssumptionSet {
        assumptions = List.copyOf(assumptions);
        proxies = List.copyOf(proxies);
        durabilityFile = durabilityFile == null ? "" : durabilityFile;
    }

    /** A set whose durability model was not read from a named file (built in code). */
    public AssumptionSet(String name, String file, List<Assumed> assumptions, List<Proxy> proxies, Optional<DurabilityModel> durability) {
        this(name, file, assumptions, proxies, durability, "");
    }

    /** A set that names no durability model (the forecast refuses it; readers and tests of other parts may use it). */
    public AssumptionSet(String name, String file, List<Assumed> assumptions, List<Proxy> proxies) {
        this(name, file, assumptions, proxies, Optional.empty());
    }

    /** The same set with this durability model. */
    public AssumptionSet withDurability(DurabilityModel model) {
        return new AssumptionSet(name, file, assumptions, proxies, Optional.of(model), "");
    }

    public Optional<Assumed> find(String id) {
        return assumptions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public double value(String id, double otherwise) {
        return find(id).map(Assumed::value).orElse(otherwise);
    }

    /** The value the set states for {@code id} (before any sensitivity arm or override). */
    public double stated(String id, double otherwise) {
        return find(id).map(Assumed::stated).orElse(otherwise);
    }

    /** The same set with one value replaced (used for sensitivity: low and high of one assumption). */
    public AssumptionSet with(String id, double value) {
        if (find(id).isEmpty()) throw new IllegalArgumentException("no assumption " + Quote.of(id) + " in " + name);
        return new AssumptionSet(name, file,
                assumptions.stream().map(a -> a.id().equals(id) ? a.withValue(value) : a).toList(), proxies, durability, durabilityFile);
    }

    /** The same set with one more assumption (or one replaced). */
    public AssumptionSet plus(Assumed extra) {
        var list = new ArrayList<>(assumptions.stream().filter(a -> !a.id().equals(extra.id())).toList());
        list.add(extra);
        return new AssumptionSet(name, file, list, proxies, durability, durabilityFile);
    }

    /**
     * Applies {@code --set name=value} overrides. Unknown names, non-numbers and values outside the plausible
     * range are reported together, each naming the override.
     */
    public AssumptionSet override(Map<String, String> sets) {
        var problems = new ArrayList<Problem>();
        var known = assumptions.stream().map(Assumed::id).toList();
        var result = this;
        for (var e : new LinkedHashMap<>(sets).entrySet()) {
            String where = "--set " + e.getKey() + "=" + e.getValue();
            var a = find(e.getKey());
            if (a.isEmpty()) {
                problems.add(new Problem(where, 0, 0, "unknown assumption " + Quote.of(e.getKey()) + " in set " + name,
                        Hints.didYouMean(e.getKey(), known)));
                continue;
            }
            Double v = parse(e.getValue());
            if (v == null) {
                problems.add(new Problem(where, 0, 0, "" + Quote.of(e.getValue()) + " is not a number", "write e.g. " + e.getKey() + "=" + format(a.get().value())));
            } else if (!a.get().inRange(v)) {
                problems.add(new Problem(where, 0, 0, e.getKey() + " = " + e.getValue() + " is outside its plausible range ["
                        + format(a.get().low()) + ", " + format(a.get().high()) + "] " + a.get().unit(), "see " + file + ":" + a.get().at().line()));
            } else if (!a.get().allows(v)) {
                problems.add(new Problem(where, 0, 0, e.getKey() + " = " + e.getValue() + " is not one of its values "
                        + discrete(a.get()) + " (" + a.get().unit() + "): it switches " + a.get().switches().orElseThrow() + " off or on",
                        "see " + file + ":" + a.get().at().line()));
            } else {
                result = result.with(e.getKey(), v);
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return result;
    }

    /** A discrete lever's values as written in a set, e.g. "0 or 1". */
    public static String discrete(Assumed a) {
        return String.join(" or ", a.discreteValues().stream().map(AssumptionSet::format).toList());
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Double parse(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
