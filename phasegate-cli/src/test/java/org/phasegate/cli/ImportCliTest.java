package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phasegate import} end to end on the real embedded PostgreSQL and the real ACLED file, as a user runs it. */
class ImportCliTest {
    @TempDir static Path dir;
    static ImportingStore store;
    static Path key;
    static final Map<String, String> ENV = ImportingStore.ENV;
    static final Path ACLED = ImportingStore.ACLED;
    static final String GAZA = ImportingStore.GAZA;

    static CliTest.Run run(String... args) {
        return store.run(args);
    }

    @BeforeAll
    static void users() throws Exception {
        store = ImportingStore.withUsers(dir);
        key = store.key();
    }

    @Test
    void a_file_is_imported_once_verified_proven_and_read_by_status() {
        String[] importAcled = {"import", "acled", ACLED.toString(), "--as", "mona", "--scenario", GAZA, "--no-progress"};
        var first = run(importAcled);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("added 1,984 (incident 1,984), 0 already imported unchanged, 0 rejected", "state corroborated, external",
                "data up to 2026-04", "licence: ACLED Terms of Use");
        var again = run(importAcled);
        assertThat(again.out()).contains("added 0, 1,984 already imported unchanged", "nothing new: no ledger entry written");
        assertThat(run("ledger", "verify").out()).contains("ledger OK");
        assertThat(run("import", "list").out()).contains("acled-monthly-political-violence", "1,984 rows", "corroborated, external");
        var proof = run("import", "proof", "acled-monthly-political-violence:PS0260:2026-04");
        assertThat(proof.out()).contains("\"importSize\" : 1984", "\"importPath\"", "\"importEntry\"", "\\\"fatalities\\\":29.0");
        var show = run("import", "show", "acled-monthly-political-violence:PS0260:2026-04");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("\"values\" : {", "\"fatalities\" : 29.0", "\"row\" : \"PS0260:2026-04\"", "\"licence\" : \"ACLED Terms of Use",
                "\"importedBy\" : \"mona\"", "\"proof\" : {", "\"importSize\" : 1984");
        var status = run("status", "--scenario", GAZA, "--as-of", "2026-05-01");
        assertThat(status.out()).contains("imported data: measure gaza-conflict-fatalities reads acled-monthly-political-violence: 620 rows counted,"
                + " data up to 2026-04 (import state corroborated)");
        var statusJson = run("status", "--scenario", GAZA, "--as-of", "2026-05-01", "--format", "json");
        assertThat(statusJson.out()).contains("\"importedData\" : [ {", "\"measure\" : \"gaza-conflict-fatalities\"", "\"rows\" : 620",
                "\"lastPeriod\" : \"2026-04\"", "\"lastDay\" : \"2026-04-30\"");
        String[] forecast = {"forecast", "--scenario", GAZA, "--assumptions", "sceptic", "--runs", "200", "--sensitivity-runs", "0", "--as-of", "2026-05-01",
                "--no-progress"};
        var fromStore = run(concat(forecast, "--from-store"));
        assertThat(fromStore.exit()).as(fromStore.err()).isZero();
        assertThat(fromStore.out()).startsWith("imported data: measure gaza-conflict-fatalities reads acled-monthly-political-violence: 620 rows counted,"
                + " data up to 2026-04 (import state corroborated)\n");
        assertThat(run(concat(forecast, "--from-store", "--format", "json")).out()).contains("\"importedData\"", "\"lastDay\" : \"2026-04-30\"");
        assertThat(run(forecast).out()).startsWith("imported data: measure gaza-conflict-fatalities reads acled-monthly-political-violence: not read");

        var export = dir.resolve("export.jsonl");
        assertThat(run("ledger", "export", "--out", export.toString()).out()).contains("and 1,984 imported rows to " + export);
        var copy = dir.resolve("copy");
        var imported = CliTest.run(ENV, "ledger", "import", export.toString(), "--data-dir", copy.toString(), "--key-file", key.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(CliTest.run(ENV, "ledger", "verify", "--data-dir", copy.toString(), "--key-file", key.toString()).out()).contains("ledger OK");
        var copied = CliTest.run(ENV, "import", "proof", "acled-monthly-political-violence:PS0260:2026-04", "--data-dir", copy.toString(), "--key-file", key.toString());
        var rowPart = proof.out().substring(0, proof.out().indexOf("\"importEntry\""));   // the entry's part has the signed head's time
        assertThat(copied.out()).startsWith(rowPart).contains("\"importRoot\"");
    }

    private static String[] concat(String[] a, String... b) {
        var all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void bad_input_is_named_where_it_is_and_quarantine_keeps_the_rest() throws Exception {
        var kind = run("import", "acledd", ACLED.toString(), "--as", "mona");
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("KIND 'acledd' is not one of acled, casualties, ucdp, geojson, csv").doesNotContain("Exception", "\tat ");
        var folder = run("import", "acled", dir.toString(), "--as", "mona", "--no-progress");
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).isEqualTo("phasegate: " + dir + " is a directory: give one file in it to import (phasegate import KIND FILE)\n");
        var missing = run("import", "acled", dir.resolve("missing.csv").toString(), "--dry-run", "--no-progress");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("phasegate: no file " + dir.resolve("missing.csv") + " to import\n");
        var csv = Files.writeString(dir.resolve("events.csv"), "event_id_cnty,event_date,event_type,admin1,admin2,fatalities\n"
                + "PSE-1,2026-05-01,Battles,Gaza Strip,Rafah,1\nPSE-2,2026-05-02,Battles,Gaza Strip,Gaza,1\n");
        var dry = run("import", "acled", csv.toString(), "--dry-run", "--no-progress");
        assertThat(dry.exit()).isEqualTo(2);
        assertThat(dry.out()).contains("would add 1", "1 rejected", "rejected " + csv + ":3: column 'admin2' has 'Gaza': unknown governorate");
        assertThat(dry.err()).isEqualTo("phasegate: --dry-run: 1 rejected row above, so an import of " + csv
                + " would be refused (--quarantine FILE imports the good rows)\n");
        var noStore = CliTest.run(ENV, "import", "acled", csv.toString(), "--dry-run", "--no-progress", "--data-dir", dir.resolve("no-store").toString());
        assertThat(noStore.exit()).as(noStore.err()).isEqualTo(2);
        assertThat(noStore.out()).contains("dry run, no store to compare with", "rejected " + csv + ":3: column 'admin2' has 'Gaza'");
        assertThat(noStore.err()).contains("1 rejected row above, so an import of " + csv + " would be refused");
        var good = Files.writeString(dir.resolve("good-events.csv"), "event_id_cnty,event_date,event_type,admin1,admin2,fatalities\n"
                + "PSE-G1,2026-05-01,Battles,Gaza Strip,Rafah,1\n");
        var clean = run("import", "acled", good.toString(), "--dry-run", "--no-progress");
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.err()).isEmpty();
        var refused = run("import", "acled", csv.toString(), "--as", "mona", "--no-progress");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains(csv + ":3: column 'admin2' has 'Gaza'").doesNotContain("Exception", "\tat ");
        assertThat(run("import", "list").out()).doesNotContain("acled-events");
        var quarantine = dir.resolve("bad.jsonl");
        var kept = run("import", "acled", csv.toString(), "--as", "mona", "--no-progress", "--quarantine", quarantine.toString());
        assertThat(kept.out()).contains("added 1 (incident 1)", "1 rejected row written to " + quarantine);
        assertThat(Files.readAllLines(quarantine)).singleElement().satisfies(l -> assertThat(l).contains("\"line\":3", "\"column\":\"admin2\"", "\"value\":\"Gaza\"",
                "unknown governorate", "PSE-2"));
        var allBad = Files.writeString(dir.resolve("all-bad.csv"), "event_id_cnty,event_date,event_type,admin1,admin2,fatalities\n"
                + "PSE-B1,2026-05-01,Battles,Gaza Strip,Nowhere,1\nPSE-B2,2026-05-02,Battles,Gaza Strip,Gaza,1\n");
        var allBadJsonl = dir.resolve("all-bad.jsonl");
        var before = run("import", "list").out();
        var none = run("import", "acled", allBad.toString(), "--as", "mona", "--no-progress", "--quarantine", allBadJsonl.toString());
        assertThat(none.exit()).as(none.err()).isEqualTo(2);
        assertThat(none.out()).contains("added 0, 0 already imported unchanged, 2 rejected", "nothing new: no ledger entry written",
                "2 rejected rows written to " + allBadJsonl);
        assertThat(none.err()).isEqualTo("phasegate: nothing was imported: every row of " + allBad + " was rejected (2, written to " + allBadJsonl + ")\n");
        assertThat(Files.readAllLines(allBadJsonl)).hasSize(2);
        assertThat(run("import", "list").out()).isEqualTo(before);
        var again = run("import", "acled", csv.toString(), "--as", "mona", "--no-progress", "--quarantine", dir.resolve("bad-again.jsonl").toString());
        assertThat(again.exit()).as("its good row is stored: " + again.err()).isZero();
        assertThat(again.out()).contains("added 0, 1 already imported unchanged, 1 rejected");
        var analyst = run("import", "acled", ACLED.toString(), "--as", "root", "--no-progress");
        assertThat(analyst.exit()).isEqualTo(2);
        assertThat(analyst.err()).contains("only monitors import data");
    }

    @Test
    void a_quarantine_file_that_cannot_be_a_new_file_is_refused_before_anything_is_read_or_written() throws Exception {
        var here = Files.createDirectories(dir.resolve("quarantine-checks"));
        var csv = Files.writeString(here.resolve("victim.csv"), "event_id_cnty,event_date,event_type,admin1,admin2,fatalities\n"
                + "PSE-Q1,2026-05-01,Battles,Gaza Strip,Rafah,1\nPSE-Q2,2026-05-02,Battles,Gaza Strip,Gaza,1\n");
        var original = Files.readString(csv);
        var link = Files.createSymbolicLink(here.resolve("link.csv"), csv);
        var existing = Files.writeString(here.resolve("old.jsonl"), "kept\n");
        var notADir = here.resolve("victim.csv").resolve("q.jsonl");
        var cases = Map.of(
                csv.toString(), "--quarantine " + csv + " is the file being imported",
                here.resolve("sub/../victim.csv").toString(), "is the file being imported",
                link.toString(), "--quarantine " + link + " is the file being imported",
                existing.toString(), "--quarantine " + existing + " already exists, and the import never replaces a file: remove it or choose another name",
                here.toString(), "--quarantine " + here + " is a directory",
                here.resolve("nodir/q.jsonl").toString(), "--quarantine " + here.resolve("nodir/q.jsonl") + " is in " + here.resolve("nodir") + ", which does not exist",
                notADir.toString(), "which is not a directory");
        var before = run("import", "list").out();
        for (var c : cases.entrySet()) {
            var r = run("import", "acled", csv.toString(), "--as", "mona", "--no-progress", "--quarantine", c.getKey());
            assertThat(r.exit()).as(c.getKey() + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c.getKey()).contains(c.getValue()).doesNotContain("Exception", "\tat ").hasLineCount(1);
            assertThat(r.out()).as(c.getKey()).isEmpty();
        }
        assertThat(Files.readString(csv)).isEqualTo(original);
        assertThat(Files.readString(existing)).isEqualTo("kept\n");
        assertThat(run("import", "list").out()).isEqualTo(before);
        try (var left = Files.list(here)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("victim.csv", "link.csv", "old.jsonl");
        }
    }

    @Test
    void a_quarantine_file_that_fails_late_says_why_and_leaves_no_temporary_file() throws Exception {
        var rejected = List.of(new org.phasegate.importing.Rejection(3, "admin2", "Gaza", "unknown governorate", "PSE-2,..."));
        var gone = Files.createDirectories(dir.resolve("quarantine-gone"));
        var unwritable = Quarantine.of(gone.resolve("q.jsonl"), dir.resolve("in.csv"));
        Files.delete(gone);
        assertThatThrownBy(() -> unwritable.prepare("in.csv", rejected)).isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith(gone.resolve("q.jsonl") + ": the rejected rows could not be written beside it (no such file or directory: "
                        + gone + "/.quarantine-");

        var here = Files.createDirectories(dir.resolve("quarantine-late"));
        var target = here.resolve("q.jsonl");
        var late = Quarantine.of(target, dir.resolve("in.csv"));
        late.prepare("in.csv", rejected);
        Files.writeString(target, "written meanwhile\n");
        assertThatThrownBy(() -> late.commit("phasegate import acled in.csv --dry-run")).hasMessage("the import is stored, but the quarantine file "
                + target + " could not be put in place (" + target + " already exists); the rejected rows were not kept: list them again with"
                + " phasegate import acled in.csv --dry-run");
        assertThat(Files.readString(target)).isEqualTo("written meanwhile\n");
        try (var left = Files.list(here)) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void provenance_the_file_does_not_state_is_given_on_the_command_line_and_never_overrides_the_file() {
        var geo = CliTest.REPO.resolve("../shared/data/geo").normalize();
        var conflicting = run("import", "geojson", geo.resolve("gaza-municipalities-osm.geojson").toString(), "--as", "mona", "--no-progress",
                "--licence", "CC0");
        assertThat(conflicting.exit()).isEqualTo(2);
        assertThat(conflicting.err()).contains("gaza-municipalities-osm.geojson: the file states its licence as 'The data included in this document",
                "and --licence gives 'CC0' (leave --licence out: the file's own statement stands)").doesNotContain("Exception", "\tat ");
        assertThat(run("import", "list").out()).doesNotContain("geojson-gaza-municipalities-osm");
        var badUrl = run("import", "geojson", geo.resolve("ocha-admin2.geojson").toString(), "--as", "mona", "--source-url", "data.humdata.org");
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--source-url: 'data.humdata.org' is not an http(s) address");

        var given = run("import", "geojson", geo.resolve("ocha-admin2.geojson").toString(), "--as", "mona", "--no-progress", "--licence", "CC BY-IGO",
                "--attribution", "OCHA common operational datasets", "--source-url", "https://data.humdata.org/dataset/cod-ab-pse");
        assertThat(given.exit()).as(given.err()).isZero();
        assertThat(given.out()).contains("added 16 (place 16)", "by Merkle root", "16 rows",
                "source: https://data.humdata.org/dataset/cod-ab-pse; licence: CC BY-IGO; attribution: OCHA common operational datasets");
        var show = run("import", "show", "geojson-ocha-admin2:PS0275");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("\"licence\" : \"CC BY-IGO\"", "\"attribution\" : \"OCHA common operational datasets\"",
                "\"sourceUrl\" : \"https://data.humdata.org/dataset/cod-ab-pse\"");
        var one = run("import", "geojson", geo.resolve("idf-zone-2025-10-19.geojson").toString(), "--as", "mona", "--no-progress");
        assertThat(one.out()).contains("commits to its 1 row by Merkle root", "licence: not stated in the file");

        var relicensed = run("import", "geojson", geo.resolve("ocha-admin2.geojson").toString(), "--as", "mona", "--no-progress", "--licence", "CC BY 4.0",
                "--attribution", "OCHA common operational datasets", "--source-url", "https://example.org/other");
        assertThat(relicensed.exit()).as(relicensed.err()).isZero();
        assertThat(relicensed.out()).contains("added 0, 16 already imported unchanged", "nothing new: no ledger entry written",
                "source: https://data.humdata.org/dataset/cod-ab-pse; licence: CC BY-IGO; attribution: OCHA common operational datasets (as stored with import ",
                "not applied: --source-url 'https://example.org/other', --licence 'CC BY 4.0'; these rows were already imported under import ",
                "phasegate import show geojson-ocha-admin2:ROW shows what is stored").doesNotContain("CC BY 4.0;", "licence: CC BY 4.0", "--attribution '");
        var afterwards = run("import", "geojson", geo.resolve("idf-zone-2025-10-19.geojson").toString(), "--as", "mona", "--no-progress", "--licence", "CC0");
        assertThat(afterwards.out()).contains("licence: not stated in the file", "(as stored with import ", "not applied: --licence 'CC0'")
                .doesNotContain("licence: CC0");
        assertThat(run("import", "show", "geojson-ocha-admin2:PS0275").out()).contains("\"licence\" : \"CC BY-IGO\"");
    }

    @Test
    void a_renamed_geojson_file_stays_one_dataset_when_named_with_dataset() throws Exception {
        var original = CliTest.REPO.resolve("../shared/data/geo/ocha-admin1.geojson").normalize();
        var renamed = Files.copy(original, dir.resolve("admin1-2023-copy.geojson"));
        var first = run("import", "geojson", original.toString(), "--as", "mona", "--no-progress");
        assertThat(first.out()).as(first.err()).contains("dataset geojson-ocha-admin1", "added 2 (place 2)");
        assertThat(run("import", "geojson", renamed.toString(), "--dry-run", "--no-progress").out())
                .contains("dataset geojson-admin1-2023-copy", "would add 2 (place 2)");
        var named = run("import", "geojson", renamed.toString(), "--as", "mona", "--no-progress", "--dataset", "geojson-ocha-admin1");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).contains("dataset geojson-ocha-admin1", "added 0, 2 already imported unchanged", "nothing new: no ledger entry written");

        var badId = run("import", "geojson", renamed.toString(), "--dry-run", "--no-progress", "--dataset", "Bad Id");
        assertThat(badId.exit()).isEqualTo(2);
        assertThat(badId.err()).contains("--dataset: 'Bad Id' is not a dataset id").doesNotContain("Exception");
        var otherKind = run("import", "acled", ACLED.toString(), "--dry-run", "--no-progress", "--dataset", "acled-mine");
        assertThat(otherKind.exit()).isEqualTo(2);
        assertThat(otherKind.err()).contains("--dataset is for import geojson only; acled names its own dataset");
    }

    @Test
    void bench_import_imports_and_verifies_the_rows_it_generated() {
        var r = CliTest.run("bench", "import", "--rows", "2500");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("generated 2,500 rows", "imported 2,500 rows in", "rows/s (one transaction, COPY, one signed entry, durable commit)",
                "ledger verify (every row re-hashed against the import's Merkle root): OK in");
    }
}
