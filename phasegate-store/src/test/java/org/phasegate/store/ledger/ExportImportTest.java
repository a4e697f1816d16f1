package org.phasegate.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.incident;
import static org.phasegate.store.Fixtures.parse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Role;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.records.RecordView;

/** An export imported into an empty second instance verifies on its own and rebuilds the same records. */
class ExportImportTest {
    private static Store source;
    private static String export;

    @BeforeAll
    static void start() {
        source = Fixtures.storeWithCast();
        var r = source.records();
        r.add(as(source, "mona"), parse(incident("e-1", "") + "\n" + incident("e-2", "") + "\n" + incident("e-3", ",\"confidentiality\":\"restricted\"")));
        r.attest(as(source, "nina"), "e-1");
        r.attest(as(source, "omar"), "e-1");
        r.dispute(as(source, "nina"), "e-2", "doubt");
        r.adjudicate(as(source, "bea"), "e-2", false, "no");
        var mona = as(source, "mona");
        for (int i = 0; i < 150; i++) {   // enough to cross a few checkpoints
            source.registry().enrol(mona, "ID-" + i, List.of());
        }
        var out = new StringWriter();
        source.ledger().export(out);
        export = out.toString();
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    @Test
    void export_import_verify_round_trips() {
        try (var copy = Fixtures.store()) {
            var report = copy.ledger().importFrom("export", () -> new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)));
            assertThat(report.ok()).isTrue();
            assertThat(report.checkpoints()).isGreaterThanOrEqualTo(2);
            var verified = copy.ledger().verify();
            assertThat(verified.ok()).isTrue();
            assertThat(verified.entries()).isEqualTo(source.ledger().size());
            var again = new StringWriter();
            copy.ledger().export(again);
            assertThat(again.toString()).isEqualTo(export);
            // reading restricted records appends an audit entry to each store, so compare the exports first
            assertThat(copy.records().list(Optional.of(as(source, "root")), v -> true)).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(source.records().list(Optional.of(as(source, "root")), v -> true));
            assertThat(copy.records().list(Optional.empty(), v -> true)).extracting(RecordView::id).containsExactly("e-1", "e-2");
            assertThat(copy.users().list()).isEqualTo(source.users().list());
            assertThat(copy.registry().events()).hasSize(150);
        }
    }

    @Test
    void an_import_needs_an_empty_store() {
        assertThatThrownBy(() -> source.ledger().importFrom("export", () -> new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(StoreException.class).hasMessageContaining("needs an empty store");
    }

    @Test
    void a_tampered_export_is_refused_naming_the_entry() {
        var lines = export.split("\n");
        lines[5] = lines[5].replace("\"actor\":\"", "\"actor\":\"x");
        try (var copy = Fixtures.store()) {
            assertThatThrownBy(() -> copy.ledger().importFrom("export", () -> new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("import refused: entry 6");
            assertThat(copy.ledger().size()).isZero();
        }
    }
}
