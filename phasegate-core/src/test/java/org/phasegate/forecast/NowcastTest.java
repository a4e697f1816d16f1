package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.nowcast.Likelihood;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * The nowcast on the real January 2025 ceasefire (scenario, events and the leverage set as bundled). The gate
 * `phase-1-exchanges-complete` opened on 27 February 2025 at 12:00 UTC (the last phase-1 exchange, events file).
 */
class NowcastTest {
    private static final String JAN = "gaza-ceasefire-2025-01";
    private static final Scenario SCENARIO = new ScenarioLoader().load(TestFiles.scenarios().resolve(JAN + ".yaml"));
    private static final List<EvidenceRecord> RECORDS = new EventsReader().read(TestFiles.scenarios().resolve(JAN + ".events.jsonl"));
    private static final AssumptionSet LEVERAGE = new AssumptionSetReader().load(
            AssumptionSetReader.bundled(TestFiles.scenarios().resolve(JAN + ".yaml"), "leverage"), SCENARIO);
    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);

    private static Nowcast nowcast(List<EvidenceRecord> records, String asOf, int runs, int threads) {
        var o = new ForecastOptions(11, runs, threads, 7, 60, List.of(MARCH_1), "phase-2", 0, Optional.empty());
        return new Nowcaster().nowcast(SCENARIO, records, LEVERAGE, SCENARIO.start(), Instant.parse(asOf), 7,
                Optional.of("ceasefire-holding"), Likelihood.defaults(), o, n -> { });
    }

    private static Nowcast nowcast(String asOf, Optional<String> holding, LocalDate by) {
        var o = new ForecastOptions(5, 800, 2, 7, 30, List.of(by), "phase-2", 0, Optional.empty());
        return new Nowcaster().nowcast(SCENARIO, RECORDS, LEVERAGE, SCENARIO.start(), Instant.parse(asOf), 14, holding, Likelihood.defaults(), o, n -> { });
    }

    private static double gateBy(Nowcast n, String gate) {
        return n.gates().stream().filter(g -> g.id().equals(gate)).findFirst().orElseThrow().by().get(0).p();
    }

    @Test
    void aGateThatOpenedMovesToCertaintyOnceItsEvidenceIsVerified() {
        double before = gateBy(nowcast(RECORDS, "2025-02-26T00:00:00Z", 4000, 2), "phase-1-exchanges-complete");
        var after = nowcast(RECORDS, "2025-02-28T00:00:00Z", 4000, 2);
        assertThat(before).isLessThan(0.9);
        assertThat(gateBy(after, "phase-1-exchanges-complete")).isGreaterThanOrEqualTo(0.99);
        assertThat(after.checkpoints()).isNotEmpty().allSatisfy(c -> assertThat(c.at()).isBeforeOrEqualTo(after.asOf()));
        assertThat(after.checkpoints().get(after.checkpoints().size() - 1).at()).isEqualTo(after.asOf());
    }

    @Test
    void withoutAHoldingGateNoRunCollapsesBeforeTheAsOfDateAndWithOneTheVerifiedCollapseCounts() {
        var premise = nowcast("2025-03-10T00:00:00Z", Optional.empty(), LocalDate.of(2025, 3, 9));
        assertThat(premise.collapse().get(0).p()).isZero();
        var plain = new Forecaster().forecast(SCENARIO, StartingState.empty(SCENARIO, SCENARIO.start()), LEVERAGE,
                new ForecastOptions(5, 800, 2, 7, 30, List.of(LocalDate.of(2025, 3, 9)), "phase-2", 0, Optional.empty()));
        assertThat(plain.collapse().by().get(0).p()).isGreaterThan(0.01);   // unconditioned runs from the start do collapse by then
        // strikes resumed on 18 March (verified): read through the holding gate, the collapse moves far above the unconditioned runs'
        var collapsed = nowcast("2025-03-25T00:00:00Z", Optional.of("ceasefire-holding"), LocalDate.of(2025, 3, 25));
        var unconditioned = new Forecaster().forecast(SCENARIO, StartingState.empty(SCENARIO, SCENARIO.start()), LEVERAGE,
                new ForecastOptions(5, 800, 2, 7, 30, List.of(LocalDate.of(2025, 3, 25)), "phase-2", 0, Optional.empty()));
        assertThat(collapsed.collapse().get(0).p()).isGreaterThan(0.5).isGreaterThan(4 * unconditioned.collapse().by().get(0).p());
    }

    @Test
    void recordsAfterTheAsOfDateChangeNothing() {
        String asOf = "2025-02-20T00:00:00Z";
        var known = RECORDS.stream().filter(r -> !r.time().isAfter(Instant.parse(asOf))).toList();
        assertThat(known).hasSizeLessThan(RECORDS.size());
        assertThat(nowcast(RECORDS, asOf, 600, 2)).isEqualTo(nowcast(known, asOf, 600, 2));
    }

    @Test
    void theSameSeedGivesTheSameNowcastOnOneOrTwoThreads() {
        assertThat(nowcast(RECORDS, "2025-02-20T00:00:00Z", 700, 1)).isEqualTo(nowcast(RECORDS, "2025-02-20T00:00:00Z", 700, 2));
    }

    @Test
    void aCollapsedSampleSaysSoAndAnUnconditionedOneDoesNot() {
        var late = nowcast(RECORDS, "2025-02-28T00:00:00Z", 600, 2);
        assertThat(late.minEss()).isLessThan(0.05 * 600);
        assertThat(late.warning()).hasValueSatisfying(w -> assertThat(w).contains("effective sample size").contains("of 600 runs"));
        assertThat(late.origins()).isBetween(1, 599);   // resampling kept some runs from the origin twice and others not at all
        var none = nowcast(RECORDS, SCENARIO.start().toString(), 600, 2);
        assertThat(none.checkpoints()).isEmpty();
        assertThat(none.warning()).isEmpty();
        assertThat(none.origins()).isEqualTo(600);
    }
}
