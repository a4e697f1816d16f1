package org.phasegate.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.tree.Rfc9162;

/**
 * Every file in ../shared/data/events and ../shared/data/geo imported into one embedded PostgreSQL store, as it lies.
 * Counts are the files' own (counted with Python's json module: 1,984 rows and 620 Gaza governorate-months per ACLED
 * monthly file, 1,051 days, 46/1/2/16 features); then re-imports, a truncated file, a changed row, quarantine, proofs
 * and tampering, in that order on the same store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportStoreTest {
    static final Path DATA = Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath().resolve("../shared/data").normalize();
    static final Map<String, Long> EXPECTED = Map.of("events/acled-monthly-political-violence.json", 1984L, "events/acled-monthly-civilian-targeting.json", 1984L,
            "events/acled-monthly-demonstrations.json", 1984L, "events/gaza-casualties-daily.json", 1051L, "geo/gaza-municipalities-osm.geojson", 46L,
            "geo/idf-zone-2025-10-19.geojson", 1L, "geo/ocha-admin1.geojson", 2L, "geo/ocha-admin2.geojson", 16L);
    static final ImportPolicy.Rule CORROBORATED = new ImportPolicy.Rule(ImportPolicy.State.CORROBORATED, ImportPolicy.Origin.EXTERNAL);
    static Store store;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        store = Fixtures.storeWithCast();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    static ImportKind kind(String path) {
        return path.endsWith(".geojson") ? ImportKind.GEOJSON : path.contains("casualties") ? ImportKind.CASUALTIES : ImportKind.ACLED;
    }

    static ImportOutcome load(Path file, ImportKind kind, boolean dry, boolean quarantine) {
        return load(store, file, kind, dry, quarantine);
    }

    static ImportOutcome load(Store store, Path file, ImportKind kind, boolean dry, boolean quarantine) {
        var request = new ImportRequest(kind, file.toString(), Hashes.hex(sha256(file)), CORROBORATED, dry, quarantine);
        return store.importer().run(Fixtures.as(store, "mona"), Importers.reader(kind, file, Optional.empty()), () -> Files.newInputStream(file), request);
    }

    static long count(String sql) {
        return Tx.run(store.database().dataSource(), c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    @Order(1)
    void every_shared_file_imports_with_its_own_counts_and_one_entry_each() {
        for (var e : EXPECTED.entrySet()) {
            var o = load(DATA.resolve(e.getKey()), kind(e.getKey()), false, false);
            assertThat(o.added()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(o.rejected()).as(e.getKey()).isEmpty();
            // counted with Python's json module: rows with "fatalities": null; days with no killed but an ext_killed
            if (e.getKey().contains("demonstrations")) assertThat(o.flagged()).containsEntry("not-reported:fatalities", 1984L);
            if (e.getKey().contains("political-violence")) assertThat(o.flagged()).isEmpty();
            if (e.getKey().contains("casualties")) assertThat(o.flagged()).containsEntry("gap-filled:killed", 38L);
            assertThat(count("SELECT count(*) FROM import_row WHERE dataset = '" + o.dataset().id() + "'")).isEqualTo(e.getValue());
        }
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE kind = 'import'")).isEqualTo(8);
        for (var type : new String[] {"political-violence", "civilian-targeting", "demonstrations"}) {
            assertThat(count("SELECT count(*) FROM import_row WHERE dataset = 'acled-monthly-" + type + "' AND content::jsonb->>'pcode' LIKE 'PS02%'")).isEqualTo(620);
        }
        assertThat(store.audit().problem()).isEmpty();
    }

    @Test
    @Order(2)
    void a_re_import_adds_nothing_and_writes_nothing() {
        long entries = store.ledger().size();
        for (var e : EXPECTED.entrySet()) {
            var o = load(DATA.resolve(e.getKey()), kind(e.getKey()), false, false);
            assertThat(o.added()).isZero();
            assertThat(o.unchanged()).isEqualTo(e.getValue());
            assertThat(o.importId()).isEmpty();
        }
        assertThat(store.ledger().size()).isEqualTo(entries);
    }

    @Test
    @Order(3)
    void a_truncated_file_is_refused_and_the_store_is_as_it_was() throws IOException {
        var whole = Files.readAllBytes(DATA.resolve("events/gaza-casualties-daily.json"));
        var cut = Files.write(dir.resolve("cut.json"), java.util.Arrays.copyOf(whole, whole.length / 2));
        long entries = store.ledger().size();
        long rows = count("SELECT count(*) FROM import_row");
        assertThatThrownBy(() -> load(cut, ImportKind.CASUALTIES, false, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(cut + ":").hasMessageContaining("not valid JSON");
        var csv = Files.writeString(dir.resolve("cut.csv"), "event_id_cnty,event_date,event_type,admin1,admin2,fatalities\nPSE-A,2026-05-01,Battles,Gaza Strip,Rafah,1\nPSE-B,2026-05-0");
        assertThatThrownBy(() -> load(csv, ImportKind.ACLED, false, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(csv + ":3: row: the row has 2 fields, the header 6");
        assertThat(store.ledger().size()).isEqualTo(entries);
        assertThat(count("SELECT count(*) FROM import_row")).isEqualTo(rows);
        assertThat(store.audit().problem()).isEmpty();
    }

    @Test
    @Order(4)
    void a_changed_row_is_reported_never_overwritten_and_quarantine_keeps_the_good_rows() throws IOException {
        var text = Files.readString(DATA.resolve("events/gaza-casualties-daily.json"));
        int last = text.lastIndexOf("\"killed\": 2,");
        assertThat(last).isPositive();
        var changed = Files.writeString(dir.resolve("changed.json"), text.substring(0, last) + "\"killed\": 3," + text.substring(last + "\"killed\": 2,".length()));
        long entries = store.ledger().size();
        assertThatThrownBy(() -> load(changed, ImportKind.CASUALTIES, false, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row id was imported before").hasMessageContaining("the stored row stands");
        var o = load(changed, ImportKind.CASUALTIES, false, true);
        assertThat(o.added()).isZero();
        assertThat(o.rejected()).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("2026-08-22"));
        assertThat(store.ledger().size()).isEqualTo(entries);
        assertThat(count("SELECT count(*) FROM import_row WHERE dataset = 'gaza-casualties-daily' AND source_id = '2026-08-22' AND content LIKE '%\"killed\":2.0%'")).isEqualTo(1);

        var fresh = Files.writeString(dir.resolve("events.csv"), "event_id_cnty,event_date,event_type,admin1,admin2,fatalities\n"
                + "PSE-1,2026-05-01,Battles,Gaza Strip,Rafah,1\nPSE-2,2026-05-02,Battles,Gaza Strip,Gaza,1\nPSE-3,2026-05-03,Battles,Gaza Strip,Khan Yunis,4\n");
        var dry = load(fresh, ImportKind.ACLED, true, false);
        assertThat(dry.added()).isEqualTo(2);
        assertThat(store.ledger().size()).isEqualTo(entries);
        var q = load(fresh, ImportKind.ACLED, false, true);
        assertThat(q.added()).isEqualTo(2);
        assertThat(q.rejected()).singleElement().satisfies(r -> assertThat(r.problem("f").render()).startsWith("f:3: column 'admin2' has 'Gaza': unknown governorate"));
        assertThat(count("SELECT count(*) FROM import_row WHERE dataset = 'acled-events'")).isEqualTo(2);
        assertThat(store.audit().problem()).isEmpty();
    }

    @Test
    @Order(5)
    void every_row_has_a_proof_that_checks_against_the_signed_entry_and_the_audited_tree() throws Exception {
        var audit = store.audit();
        var p = ImportProof.of(store.database().dataSource(), "acled-monthly-political-violence", "PS0260:2026-04", audit.treeSize(), audit.root());
        var md = MessageDigest.getInstance("SHA-256");   // the leaf data, computed here from the row as docs/importing.md defines it
        md.update("acled-monthly-political-violence\0PS0260:2026-04\0".getBytes(StandardCharsets.UTF_8));
        md.update(p.content().getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(md.digest())).isEqualTo(Hashes.hex(p.leafData()));
        assertThat(Canonical.parse(p.content()).path("quantities").path("fatalities").asDouble()).isEqualTo(29.0);
        var signedRoot = Canonical.parse(p.entry().body().orElseThrow()).path("payload").path("root").asText();
        assertThat(Hashes.hex(p.importRoot())).isEqualTo(signedRoot);
        assertThat(Rfc9162.verifyInclusion(p.ordinal(), p.importSize(), Rfc9162.leafHash(p.leafData()), p.path(), p.importRoot())).isTrue();
        assertThat(Rfc9162.verifyInclusion(p.entry().seq() - 1, audit.treeSize(), Rfc9162.leafHash(p.entry().entryHash()), p.entry().path(), audit.root())).isTrue();
        assertThat(p.importSize()).isEqualTo(1984);
    }

    @Test
    @Order(6)
    void an_altered_deleted_or_invented_row_fails_the_audit() throws SQLException {
        assertThat(tampered("UPDATE import_row SET content = replace(content, '\"fatalities\":29.0', '\"fatalities\":2.0')"
                + " WHERE dataset = 'acled-monthly-political-violence' AND source_id = 'PS0260:2026-04'"))
                .contains("table import_row, key (import_id=").contains("source id or content does not match its hash");
        assertThat(tampered("UPDATE import_row SET content = '{}', content_hash = sha256(convert_to('acled-monthly-political-violence' || chr(1) || 'x', 'UTF8'))"
                + " WHERE dataset = 'acled-monthly-political-violence' AND source_id = 'PS0260:2026-04'")).contains("does not match its hash");
        assertThat(tampered("DELETE FROM import_row WHERE dataset = 'gaza-casualties-daily' AND source_id = '2026-08-22'")).contains("table import_row");
        assertThat(tampered("INSERT INTO import_row VALUES (999999, 0, 'x', 'y', '\\x00', '{}')")).contains("rows of an import the ledger does not have");
        assertThat(store.audit().problem()).isEmpty();
    }

    /**
     * A file of several batches (the rows are prepared on a pool, batches in any order): the signed root is the RFC 9162
     * tree hash over the rows in file order, computed here from the stored rows with the RFC's recursion; and
     * {@link StreamingRoot} gives that same hash for every size up to 130.
     */
    @Test
    @Order(7)
    void a_file_of_many_batches_is_signed_over_its_rows_in_file_order() throws IOException {
        var csv = dir.resolve("events.csv");
        AcledCsvGenerator.write(csv, 7_001, 3);
        var o = load(csv, ImportKind.ACLED, false, false);
        assertThat(o.added()).isEqualTo(7_001);
        var leaves = new java.util.ArrayList<byte[]>();
        Tx.run(store.database().dataSource(), c -> {
            try (var ps = c.prepareStatement("SELECT source_id, content FROM import_row WHERE import_id = ? ORDER BY ordinal")) {
                ps.setLong(1, o.importId().orElseThrow());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) leaves.add(leaf("acled-events", rs.getString(1), rs.getString(2)));
                }
            }
            return null;
        });
        assertThat(leaves).hasSize(7_001);
        var ids = count("SELECT count(*) FROM import_row WHERE import_id = " + o.importId().orElseThrow() + " AND source_id = 'PSE' || (ordinal + 1)");
        assertThat(ids).as("row i of the file is leaf i").isEqualTo(7_001);
        assertThat(o.root().orElseThrow()).isEqualTo(HexFormat.of().formatHex(mth(leaves)));
        for (int n = 0; n <= 130; n++) {
            var tree = new StreamingRoot();
            leaves.subList(0, n).forEach(tree::add);
            assertThat(tree.root()).as("size %d", n).isEqualTo(mth(leaves.subList(0, n)));
        }
        assertThat(store.audit().problem()).isEmpty();
    }

    private static byte[] leaf(String dataset, String id, String content) {
        return sha(dataset.getBytes(StandardCharsets.UTF_8), new byte[] {0}, id.getBytes(StandardCharsets.UTF_8), new byte[] {0}, content.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 9162 §2.1.1: MTH({}) = SHA-256(), MTH({d}) = SHA-256(0x00 || d), else SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])) with k the largest power of two below n. */
    private static byte[] mth(java.util.List<byte[]> d) {
        if (d.isEmpty()) return sha();
        if (d.size() == 1) return sha(new byte[] {0}, d.get(0));
        int k = Integer.highestOneBit(d.size() - 1);
        return sha(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static byte[] sha(byte[]... parts) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            for (var p : parts) md.update(p);
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audit's first problem with one change made as the database owner, inside a transaction rolled back afterwards. */
    private static String tampered(String sql) throws SQLException {
        try (var c = store.database().ownerConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("SET LOCAL session_replication_role = replica");
                st.executeUpdate(sql);
                return ImportAudit.check(c).orElse("(no problem found)");
            } finally {
                c.rollback();
            }
        }
    }

    static byte[] sha256(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
