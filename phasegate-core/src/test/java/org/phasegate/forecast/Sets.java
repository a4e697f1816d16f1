package org.phasegate.forecast;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.phasegate.durability.DurabilityModel;
import org.phasegate.durability.Selection;
import org.phasegate.durability.WeibullPh;
import org.phasegate.problem.Position;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** Test fixtures: the bundled Gaza scenario and sets, and assumption sets built in code with every dynamic switched off. */
final class Sets {
    static final Path REPO = Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath().normalize();
    static final Path GAZA = REPO.resolve("scenarios/gaza-2025.yaml");
    static final AssumptionSource TEST = new AssumptionSource("test fixture", "Phasegate tests", Optional.empty(), Optional.empty());

    private Sets() {
    }

    static Scenario gaza() {
        return new ScenarioLoader().load(GAZA);
    }

    static AssumptionSet bundled(Scenario s, String name) {
        return new AssumptionSetReader().load(AssumptionSetReader.bundled(GAZA, name), s);
    }

    static Assumed a(String id, double value, double low, double high) {
        return new Assumed(id, Assumed.Kind.ASSUMPTION, value, low, high, "unit", "", TEST, List.of(), List.of(), Position.UNKNOWN);
    }

    static Assumed condition(String id, double p, String party) {
        return new Assumed(id, Assumed.Kind.CONDITION, p, 0, 1, "probability", "", TEST, List.of(party), List.of(), Position.UNKNOWN);
    }

    /**
     * No collapse, no violations, full compliance, fixed one-week durations; nothing for the optional modules
     * (a scenario that declares them needs {@link #withModules}).
     */
    static AssumptionSet quiet(Assumed... extra) {
        var list = new ArrayList<>(List.of(
                a(Params.VIOLATION_HAZARD, 1, 1, 2), a(Params.VIOLATION_CAP, 1, 1, 5), a(Params.STALL_DAYS, 90, 60, 180),
                a(Params.STALL_HAZARD, 1, 1, 3), a(Params.REARM_GROWTH, 0, 0, 0.3), a(Params.STALL_CAP, 1, 1, 5),
                a(Params.DEADLINE_HAZARD, 1, 1, 3), a(Params.DEADLINE_DAYS, 60, 0, 90),
                a(Params.COMPLIANCE, 1, 0.5, 1), a(Params.SPREAD, 0, 0, 1), a(Params.CORRELATION, 0, 0, 0.9),
                a(Params.FAILURE_FACTOR, 0, 0, 0.5)));
        for (var t : org.phasegate.scenario.Obligation.Type.values()) list.add(a(Params.durationOf(t), 7, 1, 30));
        var set = new AssumptionSet("quiet", "quiet.yaml", list, List.of()).withDurability(model(0.5, -700, Map.of()));
        for (Assumed e : extra) set = set.plus(e);
        return set;
    }

    /** The quiet set plus the optional modules' names with no effect: no casualty shocks, no fallback on collapse. */
    static AssumptionSet withModules(AssumptionSet set) {
        return set.plus(a(Params.CASUALTY_SHOCK, 0, 0, 0.1)).plus(a(Params.WITHDRAWAL_PROB, 0, 0, 1))
                .plus(a(Params.WITHDRAWAL_DELAY, 7, 3, 107)).plus(a(Params.WITHDRAWAL_SHARE, 0.5, 0, 1))
                .plus(a("collapse-fallback-probability", 0, 0, 1));
    }

    /**
     * A durability model given by its numbers: H(t) = (t / 365.25 days)^shape · exp(intercept + Σ beta), over the
     * named provisions (covariance: identity, unused by the forecast). intercept −700: agreements never end.
     */
    static DurabilityModel model(double shape, double intercept, Map<String, Double> betas) {
        var names = List.copyOf(new java.util.TreeMap<>(betas).keySet());
        double[] beta = names.stream().mapToDouble(betas::get).toArray();
        double[][] cov = new double[names.size() + 2][names.size() + 2];
        for (int i = 0; i < cov.length; i++) cov[i][i] = 1;
        var w = new WeibullPh(shape, intercept, names, beta, cov, 0, 1, 1);
        var selection = new Selection(List.of(), List.of(), 2, 1, List.of(), names);
        return new DurabilityModel(w, selection, "test", 1, "0".repeat(64));
    }
}
