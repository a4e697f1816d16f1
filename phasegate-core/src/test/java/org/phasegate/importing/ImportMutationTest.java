package org.phasegate.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.Mutator;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;

/**
 * Every import format, its file mutated by the seeded {@link Mutator} (byte flips, cuts, duplicated and swapped lines,
 * invalid UTF-8, huge values, line endings): the reader ends in rows and located rejections, or refuses the file with
 * located problems; never another exception or a hang. And no bad row gets in silently: a row that is not one of the
 * original file's rows must pass this test's own check of its values (written here, not taken from the readers).
 * The seed is in each case's name.
 */
class ImportMutationTest {
    static final int CASES = 25;
    /** Each format's original rows, read once per run (a cache of test inputs, by format). */
    static final java.util.Map<String, Set<Object>> ORIGINAL = new java.util.concurrent.ConcurrentHashMap<>();
    static final Path EVENTS = TestFiles.sharedData().resolve("events");
    static final Path GEO = TestFiles.sharedData().resolve("geo");
    static final Set<String> PCODES = pcodes();

    static LongStream seeds() {
        return Gen.seeds(CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void acledMonthly(long seed) {
        survives(seed, new AcledMonthlyReader(), bytes(EVENTS.resolve("acled-monthly-demonstrations.json")), r ->
                r.sourceId().matches("PS\\d{4}:\\d{4}-\\d{2}") && PCODES.contains(r.pcode().orElse("")) && r.sourceId().endsWith(r.period().orElseThrow().label())
                        && wholeCounts(r) && r.quantities().containsKey("events")
                        && (r.quantities().containsKey("fatalities") || r.flags().contains("not-reported:fatalities")));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void casualties(long seed) {
        survives(seed, new CasualtiesReader(), bytes(EVENTS.resolve("gaza-casualties-daily.json")), r ->
                r.sourceId().equals(LocalDate.parse(r.sourceId()).toString()) && wholeCounts(r) && !r.quantities().isEmpty() && r.pcode().equals(Optional.of("PS02")));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void geojson(long seed) {
        survives(seed, new GeoJsonReader(), bytes(GEO.resolve("idf-zone-2025-10-19.geojson")), r -> validGeometry(r.geometry().orElseThrow()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void acledCsv(long seed) {
        var text = new StringBuilder(CsvQuirksTest.ACLED_HEADER).append('\n');
        for (int i = 0; i < 30; i++) {
            text.append(CsvQuirksTest.acled("PSE" + i, List.of("Gaza City", "Rafah", "Khan Yunis").get(i % 3), String.valueOf(i % 7), "\"a note, " + i + "\"")).append('\n');
        }
        survives(seed, new AcledCsvReader(), text.toString().getBytes(StandardCharsets.UTF_8), r ->
                PCODES.contains(r.pcode().orElse("")) && wholeCounts(r) && r.quantities().containsKey("fatalities") && isoDay(r));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ucdpCsv(long seed) {
        var text = new StringBuilder("id,year,side_a,side_b,latitude,longitude,date_start,date_end,deaths_civilians,best,high,low\n");
        for (int i = 0; i < 30; i++) text.append(i).append(",2024,A,B,31.").append(i).append(",34.4,2024-01-0").append(1 + i % 9).append(",2024-01-0")
                .append(1 + i % 9).append(',').append(i % 3).append(',').append(i).append(',').append(i + 2).append(',').append(Math.max(0, i - 1)).append('\n');
        survives(seed, new UcdpReader(), text.toString().getBytes(StandardCharsets.UTF_8), r -> wholeCounts(r) && r.quantities().containsKey("best")
                && r.quantities().getOrDefault("low", 0.0) <= r.quantities().get("best") && r.quantities().getOrDefault("high", Double.MAX_VALUE) >= r.quantities().get("best")
                && r.geometry().map(ImportMutationTest::validGeometry).orElse(true));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mappedCsv(long seed) {
        var mapping = new CsvMappingReader().parse("m.yaml", "dataset: trucks\ntype: aid-delivery\nid: [crossing, day]\ndate: day\nquantities: {trucks: trucks}\n"
                + "attributes: {crossing: crossing}\n");
        var text = new StringBuilder("crossing,day,trucks\n");
        for (int i = 0; i < 30; i++) text.append(i % 2 == 0 ? "Kerem Shalom" : "Zikim").append(",2025-11-").append(10 + i).append(',').append(i * 3).append('\n');
        survives(seed, new MappedCsvReader(mapping), text.toString().getBytes(StandardCharsets.UTF_8), r -> wholeCounts(r) && isoDay(r)
                && r.sourceId().equals(r.attributes().get("crossing") + "|" + r.period().orElseThrow().label()));
    }

    private static void survives(long seed, SourceReader reader, byte[] original, Predicate<ImportedRow> valid) {
        var before = ORIGINAL.computeIfAbsent(reader.getClass().getSimpleName(), k -> {
            var clean = new Tally(true);
            reader.read("orig", new ByteArrayInputStream(original), clean);
            var keys = new HashSet<Object>();
            clean.kept().forEach(r -> keys.add(key(r)));
            return keys;
        });
        byte[] mutated = Mutator.mutate(original, new SplittableRandom(seed));
        int lines = lines(mutated);
        var tally = new Tally(true);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                reader.read("f", new ByteArrayInputStream(mutated), tally);
            } catch (InvalidInputException e) {
                assertThat(e.problems()).as("seed %d", seed).allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo("f");
                    assertThat(p.render().length()).as(p.render()).isLessThan(1_500);
                });
                return;
            }
            assertThat(tally.rejected()).as("seed %d", seed).allSatisfy(rej -> {
                assertThat(rej.line()).isBetween(1L, (long) lines + 1);
                assertThat(rej.problem("f").render().length()).isLessThan(1_500);
            });
            assertThat(tally.kept()).as("seed %d: a row that is not the original's passes the values check", seed)
                    .allSatisfy(r -> assertThat(before.contains(key(r)) || valid.test(r)).as("seed %d: row %s", seed, r).isTrue());
        }, () -> "seed " + seed + " hung");
    }

    private static Object key(ImportedRow r) {
        return List.of(r.sourceId(), r.type(), r.period(), r.pcode(), r.quantities(), r.attributes(), r.flags(), r.geometry());
    }

    private static boolean wholeCounts(ImportedRow r) {
        return r.quantities().values().stream().allMatch(v -> v >= 0 && v == Math.rint(v) && v <= 1e9);
    }

    private static boolean isoDay(ImportedRow r) {
        var p = r.period().orElseThrow();
        return p.label().equals(p.start().toString()) && p.start().equals(p.end());
    }

    /** Every number in the coordinates finite, longitudes in [-180, 180] and latitudes in [-90, 90]. */
    static boolean validGeometry(String geometry) {
        try {
            return positions(new ObjectMapper().readTree(geometry).get("coordinates"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean positions(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) return false;
        if (n.get(0).isNumber()) {
            return n.size() >= 2 && Double.isFinite(n.get(0).asDouble()) && Math.abs(n.get(0).asDouble()) <= 180 && Double.isFinite(n.get(1).asDouble())
                    && Math.abs(n.get(1).asDouble()) <= 90;
        }
        for (var e : n) if (!positions(e)) return false;
        return true;
    }

    static int lines(byte[] bytes) {
        int n = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) n++;
        }
        return n;
    }

    private static Set<String> pcodes() {
        try {
            var out = new HashSet<String>();
            new ObjectMapper().readTree(GEO.resolve("ocha-admin2.geojson").toFile()).get("features").forEach(f -> out.add(f.get("properties").get("adm2_pcode").asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
