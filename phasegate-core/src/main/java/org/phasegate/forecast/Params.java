package org.phasegate.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.ForecastModules;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Scenario;

/**
 * The model's vocabulary: which assumption names the simulation reads and what each means (docs/forecast.md).
 * Required names must be in every set; levers and effects default to "no effect".
 */
final class Params {
    static final String VIOLATION_HAZARD = "violation-hazard-multiplier";
    static final String VIOLATION_CAP = "violation-hazard-cap";
    static final String STALL_DAYS = "stall-days";
    static final String STALL_HAZARD = "stall-hazard-multiplier";
    static final String REARM_GROWTH = "rearmament-hazard-growth";
    static final String STALL_CAP = "stall-hazard-cap";
    static final String DEADLINE_HAZARD = "deadline-hazard-multiplier";
    static final String DEADLINE_DAYS = "deadline-hazard-days";
    static final String CASUALTY_SHOCK = "casualty-shock-per-week";
    static final String WITHDRAWAL_PROB = "contributor-withdrawal-probability";
    static final String WITHDRAWAL_DELAY = "contributor-withdrawal-delay-days";
    static final String WITHDRAWAL_SHARE = "contributor-withdrawal-share";
    static final String OBSERVER_RATIO = "observer-mission-hazard-ratio";
    static final String COMPLIANCE = "compliance-weekly";
    static final String SPREAD = "duration-spread";
    static final String CORRELATION = "condition-correlation";
    static final String FAILURE_FACTOR = "condition-failure-factor";

    static final String PRESSURE = "pressure-";
    static final String VIOLATION_RATE = "violation-rate-";
    static final String COMPLIANCE_FACTOR = "compliance-factor-";
    static final String DURATION = "duration-";
    static final String ANCHOR_DELAY = "anchor-delay-";

    static final List<String> REQUIRED = List.of(VIOLATION_HAZARD, VIOLATION_CAP, STALL_DAYS,
            STALL_HAZARD, REARM_GROWTH, STALL_CAP, DEADLINE_HAZARD, DEADLINE_DAYS, COMPLIANCE, SPREAD, CORRELATION, FAILURE_FACTOR);

    /** Read only when the scenario declares {@code forecast: contributor-withdrawal}. */
    static final List<String> WITHDRAWAL = List.of(CASUALTY_SHOCK, WITHDRAWAL_PROB, WITHDRAWAL_DELAY, WITHDRAWAL_SHARE);

    /** Names a lever may multiply (besides {@code duration-} and {@code violation-rate-} names). */
    static final List<String> MULTIPLIABLE = List.of(CASUALTY_SHOCK, WITHDRAWAL_PROB);

    private Params() {
    }

    static String durationOf(Obligation.Type type) {
        return DURATION + type.name().toLowerCase(Locale.ROOT);
    }

    /** Every required name, and a duration for every obligation type the scenario uses. */
    static void check(Scenario scenario, AssumptionSet set) {
        var problems = new ArrayList<Problem>();
        var needed = required(scenario);
        var referenced = Shifts.referenced(set);
        for (String name : needed) {
            if (set.find(name).isEmpty()) {
                problems.add(new Problem(set.file(), 1, 1, "assumption '" + name + "' is missing",
                        "the forecast needs it; see docs/forecast.md for its meaning"));
            }
        }
        var parties = scenario.parties().stream().map(p -> p.id()).toList();
        var obligations = scenario.obligations().stream().map(o -> o.id()).toList();
        var anchors = scenario.anchors().stream().map(a -> a.id()).toList();
        var types = java.util.Arrays.stream(Obligation.Type.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
        var durations = new java.util.ArrayList<>(types);
        durations.addAll(obligations);
        for (Assumed a : set.assumptions()) {
            if (!known(a, needed, referenced)) {
                var vocabulary = new ArrayList<>(needed);
                vocabulary.addAll(referenced);
                problems.add(unread(a, set, vocabulary));
            }
            Shifts.check(a, set, problems);
            checkSuffix(a, DURATION, durations, set, problems);
            checkSuffix(a, ANCHOR_DELAY, anchors, set, problems);
            checkSuffix(a, PRESSURE, parties, set, problems);
            checkSuffix(a, VIOLATION_RATE, parties, set, problems);
            checkSuffix(a, COMPLIANCE_FACTOR, obligations, set, problems);
            a.switches().filter(l -> scenario.levers().stream().noneMatch(x -> x.id().equals(l))).ifPresent(l -> problems.add(
                    new Problem(set.file(), a.at().line(), a.at().column(), "'" + a.id() + "' switches '" + l + "', which is not a lever of the scenario",
                            org.phasegate.problem.Hints.didYouMean(l, scenario.levers().stream().map(x -> x.id()).toList()))));
        }
        durability(scenario, set, problems);
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    /** The set names a durability model, and the scenario declares every provision that model uses. */
    private static void durability(Scenario scenario, AssumptionSet set, List<Problem> problems) {
        if (set.durability().isEmpty()) {
            problems.add(new Problem(set.file(), 1, 1, "the assumption set names no durability-model",
                    "add 'durability-model: PATH' to a MODEL.json written by 'phasegate durability fit' (docs/durability.md)"));
            return;
        }
        var needed = set.durability().get().weibull().covariates();
        peacekeeping(scenario, problems);
        var declared = scenario.provisions().map(p -> p.codes().keySet()).orElse(java.util.Set.of());
        var missing = needed.stream().filter(c -> !declared.contains(c)).toList();
        if (!missing.isEmpty()) {
            Position at = scenario.provisions().map(p -> p.at()).orElse(new Position(1, 1));
            problems.add(new Problem(scenario.file(), at.line(), at.column(),
                    "the scenario does not declare provision(s) " + String.join(", ", missing) + " that the durability model uses",
                    "add them under 'provisions: codes:' (0 or 1, with a source; docs/scenario-format.md)"));
        }
    }

    /**
     * The names this scenario's forecast reads: the core dynamics, a duration per obligation type it uses, and the
     * names of the modules it declares (contributor withdrawal, an observer mission, each fallback's chance).
     */
    static List<String> required(Scenario s) {
        var needed = new ArrayList<>(REQUIRED);
        s.obligations().stream().map(o -> durationOf(o.type())).distinct().forEach(needed::add);
        if (s.forecast().withdrawal().isPresent()) needed.addAll(WITHDRAWAL);
        if (s.forecast().peacekeeping().filter(p -> p.mission() == ForecastModules.Mission.OBSERVER).isPresent()) needed.add(OBSERVER_RATIO);
        for (var f : s.forecast().fallbacks()) {
            if (f.trigger() instanceof ForecastModules.Trigger.OnCollapse c && !needed.contains(c.chance())) needed.add(c.chance());
        }
        return needed;
    }

    /** The provisions' pko code and the declared presence agree: an armed force needs pko 1, pko 1 needs a presence. */
    private static void peacekeeping(Scenario scenario, List<Problem> problems) {
        var pko = scenario.provisions().flatMap(p -> p.find("pko"));
        var force = scenario.forecast().peacekeeping();
        if (pko.isEmpty()) return;
        boolean provided = pko.get().value() == 1;
        Position at = pko.get().at();
        if (provided && force.isEmpty()) {
            problems.add(new Problem(scenario.file(), at.line(), at.column(), "the scenario provides for peacekeeping (pko: 1) but declares no forecast peacekeeping",
                    "add forecast: peacekeeping: {mission: armed|observer, source: ...} (docs/scenario-format.md)"));
        } else if (!provided && force.filter(f -> f.mission() == ForecastModules.Mission.ARMED).isPresent()) {
            problems.add(new Problem(scenario.file(), force.get().at().line(), force.get().at().column(),
                    "forecast.peacekeeping declares an armed force but the provisions say pko: 0", "code pko: 1, or declare mission: observer"));
        }
    }

    private static boolean known(Assumed a, List<String> needed, java.util.Set<String> referenced) {
        return a.kind() == Assumed.Kind.CONDITION || a.kind() == Assumed.Kind.LEVER && (!a.shifts().isEmpty() || a.switches().isPresent())
                || needed.contains(a.id()) || referenced.contains(a.id())
                || List.of(PRESSURE, VIOLATION_RATE, COMPLIANCE_FACTOR, DURATION, ANCHOR_DELAY).stream().anyMatch(a.id()::startsWith);
    }

    /** Why an entry is not read: a module the scenario does not declare, or a name the model does not know. */
    private static Problem unread(Assumed a, AssumptionSet set, List<String> needed) {
        Position at = a.at();
        if (WITHDRAWAL.contains(a.id()) || OBSERVER_RATIO.equals(a.id())) {
            String module = OBSERVER_RATIO.equals(a.id()) ? "an observer mission (forecast: peacekeeping: mission: observer)"
                    : "contributor withdrawal (forecast: contributor-withdrawal)";
            return new Problem(set.file(), at.line(), at.column(), "'" + a.id() + "' is read only when the scenario declares " + module
                    + ", and this scenario does not", "remove it from the set, or declare the module in the scenario (docs/scenario-format.md)");
        }
        return new Problem(set.file(), at.line(), at.column(), "the model does not read an assumption named '" + a.id() + "'",
                org.phasegate.problem.Hints.didYouMean(a.id(), needed) + "; an effect size must be named by a lever's 'shifts' (docs/forecast.md)");
    }

    private static void checkSuffix(Assumed a, String prefix, List<String> known, AssumptionSet set, List<Problem> problems) {
        if (!a.id().startsWith(prefix) || REQUIRED.contains(a.id()) || WITHDRAWAL.contains(a.id())) return;
        String rest = a.id().substring(prefix.length());
        if (!known.contains(rest)) {
            Position at = a.at();
            problems.add(new Problem(set.file(), at.line(), at.column(), "'" + a.id() + "' names '" + rest + "', which is not in the scenario",
                    org.phasegate.problem.Hints.didYouMean(rest, known)));
        }
    }
}
