package org.phasegate.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phasegate.scenario.Assumption;
import org.phasegate.scenario.Scenario;

/**
 * The scenario's reference numbers ({@code assumptions:} with {@code compares:}) set beside what the forecast
 * computed: a collapse reference beside P(collapse by the ceasefire's start + its horizon), read at the nearest step
 * of the curve when that moment lies within the forecast; any other beside the set's entry of that name.
 */
final class References {
    private References() {
    }

    static List<Forecast.Reference> of(Model m, AssumptionSet set, Forecast.Outlook collapse, double stepDays) {
        var out = new ArrayList<Forecast.Reference>();
        for (Assumption a : m.scenario.assumptions()) {
            Optional<Forecast.Estimate> forecast = Optional.empty();
            if (a.compares().equals(Assumption.COLLAPSE) && a.horizon().isPresent()) {
                double day = a.horizon().get().getSeconds() / 86400.0 - m.ceasefireAge;
                int k = (int) Math.round(day / stepDays);
                if (day >= 0 && k < collapse.curve().size()) forecast = Optional.of(collapse.curve().get(k));
            } else {
                forecast = set.find(a.compares()).map(x -> new Forecast.Estimate(null, x.value(), 0));
            }
            out.add(new Forecast.Reference(a.id(), a.compares(), a.horizon().map(d -> d.toDays()), a.value(), a.low(), a.high(),
                    a.unit(), source(m.scenario, a), forecast));
        }
        return out;
    }

    private static String source(Scenario s, Assumption a) {
        return a.source().map(c -> s.sources().stream().filter(x -> x.id().equals(c.sourceId())).findFirst()
                .map(x -> x.title() + " (" + x.publisher() + ")").orElse(c.toString())).orElse("");
    }
}
