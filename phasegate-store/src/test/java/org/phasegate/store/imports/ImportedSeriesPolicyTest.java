package org.phasegate.store.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;

/**
 * The state signed into an import records what its importer asked for; a scenario that reads the rows counts them
 * only in the state its own policy gives that kind, never higher (audit finding 1). The real casualty file imported
 * by a monitor under a lax scenario (casualties verified, internal), then read under the bundled Gaza policy
 * (casualties reported) and under the lax one, each with a measure over gaza-casualties-daily; and the real ACLED file
 * imported as reported, read under the bundled policy (ACLED corroborated): a stricter stored state is never raised.
 */
class ImportedSeriesPolicyTest {
    static final Path REPO = Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath().normalize();
    static final Path CASUALTIES = REPO.resolve("../shared/data/events/gaza-casualties-daily.json").normalize();
    static final Path ACLED = REPO.resolve("../shared/data/events/acled-monthly-political-violence.json").normalize();
    /**
     * The casualty file's rows with a {@code killed} value, the report's own or gap-filled from {@code ext_killed}
     * (docs/importing.md), and their last report_date: python3 over the file.
     */
    static final long KILLED_ROWS = 1_051;
    static final String KILLED_LAST = "2026-08-22";
    static final String MEASURE = "  - id: gaza-killed-moh\n    record: casualties\n    import: gaza-casualties-daily\n    quantity: killed\n    unit: persons\n";
    static final String BUNDLED_RULE = "casualties: {state: reported, origin: external}";
    static Store store;
    static Scenario bundled;
    static Scenario lax;
    static Scenario capped;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        store = Fixtures.storeWithCast();
        var gaza = Files.readString(REPO.resolve("scenarios/gaza-2025.yaml"));
        assertThat(gaza).contains(BUNDLED_RULE, "measures:\n");
        var withMeasure = gaza.replace("measures:\n", "measures:\n" + MEASURE);
        bundled = scenario(withMeasure, "bundled");
        lax = scenario(withMeasure.replace(BUNDLED_RULE, "casualties: {state: verified, origin: internal}"), "lax");
        capped = scenario(withMeasure.replace(BUNDLED_RULE, "casualties: {state: corroborated, origin: external}"), "capped");
        importFile(ImportKind.CASUALTIES, CASUALTIES, lax.imports().ruleFor(ImportKind.CASUALTIES.wireName()));
        importFile(ImportKind.ACLED, ACLED, new ImportPolicy.Rule(ImportPolicy.State.REPORTED, ImportPolicy.Origin.EXTERNAL));
    }

    /** The scenario written to a file of the temp dir and loaded from it, as {@code --scenario FILE} would. */
    static Scenario scenario(String yaml, String name) throws Exception {
        var file = Files.createDirectories(dir.resolve(name)).resolve("gaza-2025.yaml");
        Files.writeString(file, yaml);
        return new ScenarioLoader().load(file);
    }

    static void importFile(ImportKind kind, Path file, ImportPolicy.Rule rule) throws Exception {
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        store.importer().run(Fixtures.as(store, "mona"), Importers.reader(kind, file, Optional.empty()), () -> Files.newInputStream(file),
                new ImportRequest(kind, file.toString(), sha, rule, false, false));
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    static org.phasegate.importing.DataUpTo line(ImportedSeries series, Scenario s, String measure) {
        return series.dataUpTo(s).stream().filter(d -> d.measure().equals(measure)).findFirst().orElseThrow();
    }

    @Test
    void rows_imported_as_verified_under_a_lax_scenario_count_under_the_bundled_policy_only_as_reported_that_is_not_at_all() {
        var series = ImportedSeries.load(store.database().dataSource(), bundled);
        var d = line(series, bundled, "gaza-killed-moh");
        assertThat(d.counted()).isZero();
        assertThat(d.notCounted()).isEqualTo(KILLED_ROWS);
        assertThat(d.lastPeriod()).isEmpty();
        assertThat(d.state()).isEqualTo("reported");
        assertThat(d.importState()).isEqualTo("verified");
        assertThat(d.line()).isEqualTo(String.format("imported data: measure gaza-killed-moh reads gaza-casualties-daily: no rows counted;"
                + " %,d rows not counted (their import's state does not count under this scenario's policy)"
                + " (import state verified, counted as reported under this scenario's policy)", KILLED_ROWS));
        assertThat(series.records()).noneMatch(r -> "gaza-casualties-daily".equals(r.attributes().get("dataset")));
    }

    @Test
    void under_the_lax_scenario_itself_the_rows_count_as_verified() {
        var series = ImportedSeries.load(store.database().dataSource(), lax);
        var d = line(series, lax, "gaza-killed-moh");
        assertThat(d.counted()).isEqualTo(KILLED_ROWS);
        assertThat(d.notCounted()).isZero();
        assertThat(d.lastPeriod()).contains(KILLED_LAST);
        assertThat(d.line()).endsWith(String.format("%,d rows counted, data up to %s (import state verified)", KILLED_ROWS, KILLED_LAST));
    }

    @Test
    void a_policy_between_the_two_caps_the_stored_state_at_its_own() {
        var series = ImportedSeries.load(store.database().dataSource(), capped);
        var d = line(series, capped, "gaza-killed-moh");
        assertThat(d.counted()).isEqualTo(KILLED_ROWS);
        assertThat(d.state()).isEqualTo("corroborated");
        assertThat(d.line()).endsWith("(import state verified, counted as corroborated under this scenario's policy)");
    }

    @Test
    void a_stored_state_below_the_policy_is_never_raised() {
        var series = ImportedSeries.load(store.database().dataSource(), bundled);
        var d = line(series, bundled, "gaza-conflict-fatalities");
        assertThat(d.counted()).isZero();
        assertThat(d.notCounted()).isEqualTo(620);   // the file's PS02 rows (python3 over the file)
        assertThat(d.state()).isEqualTo("reported");
        assertThat(d.importState()).isEqualTo("reported");
        assertThat(d.line()).endsWith("(import state reported)");
    }
}
