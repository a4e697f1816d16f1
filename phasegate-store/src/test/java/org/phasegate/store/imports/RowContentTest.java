package org.phasegate.store.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.ImportedRow;
import org.phasegate.importing.Importers;
import org.phasegate.importing.Tally;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.tree.Rfc9162;

/** The hand-written row JSON is canonical JSON exactly (the same bytes Canonical.json gives its tree), and reads back as the row. */
class RowContentTest {
    @Test
    void row_json_is_canonical_and_round_trips() throws IOException {
        var rows = Stream.of("events/gaza-casualties-daily.json", "events/acled-monthly-demonstrations.json", "geo/gaza-municipalities-osm.geojson")
                .flatMap(p -> read(p).stream()).toList();
        assertThat(rows).hasSize(1051 + 1984 + 46);
        for (var r : rows) {
            var json = RowContent.json(r);
            assertThat(json).isEqualTo(Canonical.json(Canonical.parse(json)));
            var back = RowContent.parse(r.sourceId(), json);
            assertThat(List.of(back.type(), back.period(), back.pcode(), back.quantities(), back.attributes(), back.flags(), back.geometry()))
                    .isEqualTo(List.of(r.type(), r.period(), r.pcode(), r.quantities(), r.attributes(), r.flags().stream().sorted().toList(), r.geometry()));
        }
    }

    /**
     * Generated rows (quotes, backslashes, control characters, accents, Arabic, emoji, whole and fractional numbers,
     * keys in any order) give exactly the bytes Jackson gives the same row built as a tree, and the leaf data of those.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void generated_rows_give_the_bytes_jackson_gives(long seed) {
        var rnd = new SplittableRandom(seed);
        for (int i = 0; i < 300; i++) {
            var row = row(rnd, i);
            var expected = Canonical.json(tree(row));
            assertThat(RowContent.json(row)).as("seed %d row %d", seed, i).isEqualTo(expected);
            var p = new PreparedRow.Preparer("ds-" + seed).prepare(row);
            assertThat(p.content()).as("seed %d row %d", seed, i).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            assertThat(p.leafData()).isEqualTo(RowContent.leafData("ds-" + seed, row.sourceId(), expected));
            assertThat(p.leafHash()).isEqualTo(Rfc9162.leafHash(p.leafData()));
        }
    }

    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0001", "\u001f", "\u007f", "é", "ñ",
            "غزة", "€", "\uD83D\uDE00", "/", "<", "Gaza City", ",", "{}"};

    /** Control characters attributes may not hold (flags, which are not checked, keep them: their escaping is tested there). */
    private static final String NOT_IN_TEXT = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]";

    private static String text(SplittableRandom rnd, int max) {
        var b = new StringBuilder();
        int n = 1 + rnd.nextInt(max);
        for (int i = 0; i < n; i++) b.append(PIECES[rnd.nextInt(PIECES.length)]);
        return b.toString();
    }

    private static ImportedRow row(SplittableRandom rnd, int i) {
        var attrs = new HashMap<String, String>();
        for (int k = rnd.nextInt(6); k > 0; k--) attrs.put("k" + text(rnd, 3).replaceAll("[^a-z0-9]", "") + k, text(rnd, 12).replaceAll(NOT_IN_TEXT, ""));
        var quantities = new HashMap<String, Double>();
        for (int k = rnd.nextInt(4); k > 0; k--) {
            double v = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextInt(1000);
                case 1 -> rnd.nextLong(1_000_000_000L);
                case 2 -> rnd.nextDouble() * 1e9;
                default -> 0.0;
            };
            quantities.put("q" + k, v);
        }
        var flags = new ArrayList<String>();
        for (int k = rnd.nextInt(3); k > 0; k--) flags.add("flag:" + text(rnd, 4));
        var period = rnd.nextBoolean() ? Optional.of(ImportedRow.Period.day(java.time.LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(900))))
                : Optional.<ImportedRow.Period>empty();
        return new ImportedRow("id " + i + " " + text(rnd, 5).replaceAll("[\\p{Cntrl}]", ""), i, rnd.nextBoolean() ? "incident" : "place", period,
                rnd.nextBoolean() ? Optional.of("PS02" + rnd.nextInt(99)) : Optional.empty(), quantities, attrs, flags,
                rnd.nextBoolean() ? Optional.of("{\"type\":\"Point\",\"coordinates\":[34.4," + rnd.nextInt(90) + "]}") : Optional.empty());
    }

    /** The row as a Jackson tree, built field by field from the documented content shape. */
    private static ObjectNode tree(ImportedRow r) {
        var o = Canonical.object();
        var a = o.putObject("attributes");
        r.attributes().forEach(a::put);
        var f = o.putArray("flags");
        r.flags().stream().sorted().forEach(f::add);
        r.geometry().ifPresent(g -> o.put("geometry", g));
        r.pcode().ifPresent(p -> o.put("pcode", p));
        r.period().ifPresent(p -> o.putObject("period").put("start", p.start().toString()).put("end", p.end().toString()).put("label", p.label()));
        var q = o.putObject("quantities");
        r.quantities().forEach(q::put);
        o.put("type", r.type());
        return o;
    }

    private static List<ImportedRow> read(String path) {
        var file = ImportStoreTest.DATA.resolve(path);
        var kind = path.endsWith(".geojson") ? ImportKind.GEOJSON : path.contains("casualties") ? ImportKind.CASUALTIES : ImportKind.ACLED;
        var t = new Tally(true);
        try (var in = Files.newInputStream(file)) {
            Importers.reader(kind, file, Optional.empty()).read(file.toString(), in, t);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return t.kept();
    }
}
