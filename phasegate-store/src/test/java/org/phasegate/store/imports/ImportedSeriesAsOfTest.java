package org.phasegate.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.backtest.Backtest;
import org.phasegate.backtest.BaseRate;
import org.phasegate.backtest.ModelForecaster;
import org.phasegate.backtest.Plan;
import org.phasegate.backtest.QuestionForecaster;
import org.phasegate.durability.AgreementReader;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.gate.GateEngine;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;

/**
 * The real ACLED political-violence file imported (corroborated), then read as of dates inside its range: a status or
 * a backtest's forecast as of D counts only the months that had ended by D (no look-ahead), and says which month that
 * is. The Gaza scenario's measure over the file, with a test obligation targeting it so its value shows in the status;
 * every expected value is computed here from the file's own rows.
 */
class ImportedSeriesAsOfTest {
    static final Path REPO = Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath().normalize();
    static final Path ACLED = REPO.resolve("../shared/data/events/acled-monthly-political-violence.json").normalize();
    static final String DATASET = "acled-monthly-political-violence";
    static final double TARGET = 10_000_000;
    static Store store;
    static Scenario scenario;
    static ImportedSeries series;
    static JsonNode file;

    @BeforeAll
    static void start() throws Exception {
        store = Fixtures.storeWithCast();
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ACLED)));
        var rule = new ImportPolicy.Rule(ImportPolicy.State.CORROBORATED, ImportPolicy.Origin.EXTERNAL);
        store.importer().run(Fixtures.as(store, "mona"), Importers.reader(ImportKind.ACLED, ACLED, Optional.empty()),
                () -> Files.newInputStream(ACLED), new ImportRequest(ImportKind.ACLED, ACLED.toString(), sha, rule, false, false));
        var gaza = Files.readString(REPO.resolve("scenarios/gaza-2025.yaml"));
        scenario = new ScenarioLoader().parse(REPO.resolve("scenarios/gaza-2025.yaml").toString(), gaza.replace("obligations:\n",
                "obligations:\n  - id: count-fatalities\n    name: Fatalities counted (test)\n    phase: phase-1\n    type: cessation\n    owed-by: [hamas]\n"
                + "    target: {measure: gaza-conflict-fatalities, sum: " + (long) TARGET + ", unit: persons}\n    sources: [plan-2025#point-3]\n"));
        series = ImportedSeries.load(store.database().dataSource(), scenario);
        file = new ObjectMapper().readTree(ACLED.toFile());
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    /** The file's rows whose month had ended by {@code at} (its last day's end is not after at). */
    static List<JsonNode> rowsEndedBy(Instant at, Predicate<JsonNode> which) {
        var out = new ArrayList<JsonNode>();
        for (var r : file.path("rows")) {
            var end = YearMonth.parse(r.path("date_period").asText()).atEndOfMonth().atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            if (!end.isAfter(at) && which.test(r)) out.add(r);
        }
        return out;
    }

    static boolean gaza(JsonNode row) {
        return row.path("admin1_pcode").asText().equals("PS02");
    }

    static double gazaFatalitiesBy(Instant at) {
        return rowsEndedBy(at, ImportedSeriesAsOfTest::gaza).stream().mapToDouble(r -> r.path("fatalities").asDouble()).sum();
    }

    /** 620: python3 over the file, rows with admin1_pcode PS02 (of 1,984); their last date_period is 2026-04. */
    @Test
    void the_measure_counts_only_the_rows_its_where_filter_keeps() {
        var line = series.dataUpTo(scenario).getFirst();
        assertThat(line.measure()).isEqualTo("gaza-conflict-fatalities");
        assertThat(line.counted()).isEqualTo(620);
        assertThat(line.notCounted()).isZero();
        assertThat(line.datasetRows()).isEqualTo(1_984);
        assertThat(line.lastPeriod()).contains("2026-04");
        assertThat(line.line()).contains("620 rows counted, data up to 2026-04 (import state corroborated)");
    }

    @Test
    void a_status_as_of_a_date_inside_the_file_names_the_last_month_ended_by_then_and_counts_only_its_rows() {
        var at = Instant.parse("2025-06-15T12:00:00Z");
        var line = series.dataUpTo(scenario, at).getFirst();
        assertThat(line.lastPeriod()).contains("2025-05");
        assertThat(line.lastDay()).contains(LocalDate.parse("2025-05-31"));
        assertThat(line.counted()).isEqualTo(rowsEndedBy(at, ImportedSeriesAsOfTest::gaza).size()).isLessThan(series.dataUpTo(scenario).getFirst().counted());
        var report = new GateEngine(scenario).status(List.of(), series.records(), at);
        assertThat(report.obligation("count-fatalities").orElseThrow().fraction() * TARGET).isCloseTo(gazaFatalitiesBy(at), within(1e-6));
        // the last second of May is May's; a second before it, only April is known
        assertThat(series.dataUpTo(scenario, Instant.parse("2025-05-31T23:59:58Z")).getFirst().lastPeriod()).contains("2025-04");
    }

    @Test
    void each_backtest_date_forecasts_from_the_months_ended_by_it_and_says_which() {
        var seen = new ArrayList<String>();
        var model = new ModelForecaster(50, 1, 7);
        QuestionForecaster recording = (s, known, imported, asOf, set, seed, qs) -> {
            double value = new GateEngine(s).status(known, imported, asOf).obligation("count-fatalities").orElseThrow().fraction() * TARGET;
            assertThat(value).as("the series value as of %s", asOf).isCloseTo(gazaFatalitiesBy(asOf), within(1e-6));
            assertThat(imported).as("rows as of %s", asOf).allMatch(r -> !r.time().isAfter(asOf)).hasSize(rowsEndedBy(asOf, r -> true).size());
            seen.add(asOf.toString());
            return model.forecast(s, known, imported, asOf, set, seed, qs);
        };
        var set = new AssumptionSetReader().load(REPO.resolve("scenarios/gaza-2025.assumptions/sceptic.yaml"), scenario);
        var base = BaseRate.of(new AgreementReader().read(REPO.resolve("../shared/data/agreements/ucdp-pad-1975-2004.csv").normalize()), scenario);
        var plan = new Plan(Instant.parse("2025-10-10T00:00:00Z"), Instant.parse("2026-01-20T00:00:00Z"), 35, List.of(30));
        var result = new Backtest(recording, base).run(scenario, List.of(), series.records(), set, 3, plan, n -> { });
        assertThat(seen).containsExactly("2025-10-10T00:00:00Z", "2025-11-14T00:00:00Z", "2025-12-19T00:00:00Z");
        assertThat(result.steps()).extracting(st -> st.importedUpTo().get(DATASET).map(LocalDate::toString).orElse("none"))
                .containsExactly("2025-09-30", "2025-10-31", "2025-11-30");
    }
}
