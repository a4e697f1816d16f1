package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.scenario.Scenario;

/** The forecast names the measures no obligation or proxy moves: they stay at their starting value in every run. */
class HeldMeasuresTest {
    static final Scenario GAZA = Sets.gaza();
    static final StartingState START = StartingState.of(GAZA,
            GAZA.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl")), Instant.parse("2026-01-15T00:00:00Z"));

    static Forecast forecast(AssumptionSet set) {
        var o = new ForecastOptions(1, 50, 1, 7, 365, ForecastOptions.defaults(1, 1).by(), "phase-2", 0, Optional.empty());
        return new Forecaster().forecast(GAZA, START, set, o);
    }

    @Test
    void theBundledSetsHoldOnlyHamassRejection() {
        assertThat(forecast(Sets.bundled(GAZA, "sceptic")).heldMeasures()).containsExactly("hamas-rejection");
        assertThat(forecast(Sets.bundled(GAZA, "leverage")).heldMeasures()).containsExactly("hamas-rejection");
    }

    @Test
    void aSetWithoutTheProxyForAMeasureListsThatMeasure() {
        var s = Sets.bundled(GAZA, "sceptic");
        var without = new AssumptionSet(s.name(), s.file(), s.assumptions(),
                s.proxies().stream().filter(p -> !p.measure().equals("hostages-returned")).toList(), s.durability());
        assertThat(forecast(without).heldMeasures()).containsExactly("hamas-rejection", "hostages-returned");
    }
}
