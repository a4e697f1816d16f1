package org.phasegate.store.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.ImportedRow;
import org.phasegate.importing.Importers;
import org.phasegate.importing.Tally;
import org.phasegate.store.ledger.Canonical;

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
