package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every threshold of the Gaza scenario still open on 15 Jan 2026 (before the last remains came back) can move in the
 * simulation: it follows an obligation or a proxy. The one exception is Hamas's rejection of the plan, which gates
 * read only as "not rejected" and which nothing in the plan produces.
 */
class BundledSetsCoverTest {

    @ParameterizedTest
    @ValueSource(strings = {"sceptic", "leverage"})
    void everyOpenThresholdFollowsAnObligationOrAProxy(String name) {
        var gaza = Sets.gaza();
        var records = gaza.eventsReader().read(Sets.REPO.resolve("scenarios/gaza-2025.events.jsonl"));
        var start = StartingState.of(gaza, records, Instant.parse("2026-01-15T00:00:00Z"));
        var model = new Model(gaza, start, Sets.bundled(gaza, name), "phase-2");
        assertThat(model.frozenMeasures()).as("measures no run can move in '%s'", name).containsExactly("hamas-rejection");
    }
}
