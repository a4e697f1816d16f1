package org.phasegate.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.importing.ImportKind;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.ledger.Canonical;

/**
 * A ledger export of a store with imports (the real ACLED and casualty files) carries the imported rows, so that the
 * store made from it by ledger import verifies, passes its audit and proves every row as the source did; an export
 * without the rows, or with a row changed, is refused and leaves the store empty.
 */
class ImportExportTest {
    private static Store source;
    private static String export;

    @BeforeAll
    static void start() {
        source = Fixtures.storeWithCast();
        for (var file : new String[] {"events/acled-monthly-political-violence.json", "events/gaza-casualties-daily.json"}) {
            var o = ImportStoreTest.load(source, ImportStoreTest.DATA.resolve(file), ImportStoreTest.kind(file), false, false);
            assertThat(o.added()).isEqualTo(ImportStoreTest.EXPECTED.get(file));
        }
        var out = new StringWriter();
        var n = source.ledger().exportWithRows(out);
        assertThat(n.importedRows()).isEqualTo(1984 + 1051);
        export = out.toString();
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    @Test
    void the_exported_rows_come_back_verified_and_proven() {
        try (var copy = Fixtures.store()) {
            var report = copy.ledger().importFrom("export", () -> new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)));
            assertThat(report.ok()).isTrue();
            assertThat(copy.ledger().verify().ok()).isTrue();
            assertThat(copy.audit().problem()).isEmpty();
            assertThat(rows(copy)).isEqualTo(1984 + 1051);
            var audit = copy.audit();
            var proof = ImportProof.of(copy.database().dataSource(), "acled-monthly-political-violence", "PS0260:2026-04", audit.treeSize(), audit.root());
            var signed = Canonical.parse(proof.entry().body().orElseThrow()).path("payload").path("root").asText();
            assertThat(org.phasegate.store.crypto.Hashes.hex(proof.importRoot())).isEqualTo(signed);
            assertThat(Canonical.parse(proof.content()).path("quantities").path("fatalities").asDouble()).isEqualTo(29.0);
            var again = new StringWriter();
            copy.ledger().exportWithRows(again);
            assertThat(again.toString()).isEqualTo(export);
        }
    }

    @Test
    void an_export_without_its_rows_or_with_a_row_changed_is_refused_and_nothing_is_written() {
        var entriesOnly = new StringWriter();
        source.ledger().export(entriesOnly);
        String changed = export.replace("\\\"fatalities\\\":29.0", "\\\"fatalities\\\":28.0");
        assertThat(changed).isNotEqualTo(export);
        try (var empty = Fixtures.store()) {
            assertThatThrownBy(() -> empty.ledger().importFrom("old.jsonl", () -> new ByteArrayInputStream(entriesOnly.toString().getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("import refused: table import_row, import")
                    .hasMessageContaining("0 rows stored").hasMessageContaining("export the source store again with ledger export");
            assertThatThrownBy(() -> empty.ledger().importFrom("changed.jsonl", () -> new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("import refused: table import_row")
                    .hasMessageContaining("a row was altered, re-ordered or replaced");
            assertThat(empty.ledger().size()).isZero();
            assertThat(rows(empty)).isZero();
        }
    }

    private static long rows(Store s) {
        return Tx.run(s.database().dataSource(), c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM import_row")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
