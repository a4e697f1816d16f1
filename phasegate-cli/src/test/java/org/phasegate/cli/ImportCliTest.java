package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phasegate import} end to end on the real embedded PostgreSQL and the real ACLED file, as a user runs it. */
class ImportCliTest {
    @TempDir static Path dir;
    static Path data;
    static Path key;
    static final String PASSWORD = "a password for the tests";
    static final Map<String, String> ENV = Map.of("PHASEGATE_PASSWORD", PASSWORD, "PHASEGATE_NEW_PASSWORD", PASSWORD);
    static final Path ACLED = CliTest.REPO.resolve("../shared/data/events/acled-monthly-political-violence.json").normalize();
    static final String GAZA = CliTest.REPO.resolve("scenarios/gaza-2025.yaml").toString();

    static CliTest.Run run(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", data.toString(), "--key-file", key.toString()));
        return CliTest.run(ENV, all.toArray(String[]::new));
    }

    @BeforeAll
    static void users() throws Exception {
        data = dir.resolve("phasegate-data");
        key = dir.resolve("data.key");
        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(run("user", "add", "root", "--role", "admin", "--org", "CC").exit()).isZero();
        assertThat(run("org", "add", "UNOPS", "--as", "root").exit()).isZero();
        var mona = run("user", "add", "mona", "--role", "monitor", "--org", "UNOPS", "--as", "root");
        assertThat(mona.exit()).as(mona.err()).isZero();
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
        var status = run("status", "--scenario", GAZA, "--as-of", "2026-05-01");
        assertThat(status.out()).contains("imported data: measure gaza-conflict-fatalities reads acled-monthly-political-violence: 1,984 rows counted,"
                + " data up to 2026-04 (import state corroborated)");
    }

    @Test
    void bad_input_is_named_where_it_is_and_quarantine_keeps_the_rest() throws Exception {
        var kind = run("import", "acledd", ACLED.toString(), "--as", "mona");
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("KIND 'acledd' is not one of acled, casualties, ucdp, geojson, csv").doesNotContain("Exception", "\tat ");
        var csv = Files.writeString(dir.resolve("events.csv"), "event_id_cnty,event_date,event_type,admin1,admin2,fatalities\n"
                + "PSE-1,2026-05-01,Battles,Gaza Strip,Rafah,1\nPSE-2,2026-05-02,Battles,Gaza Strip,Gaza,1\n");
        var dry = run("import", "acled", csv.toString(), "--dry-run", "--no-progress");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("would add 1", "1 rejected", "rejected " + csv + ":3: column 'admin2' has 'Gaza': unknown governorate");
        var refused = run("import", "acled", csv.toString(), "--as", "mona", "--no-progress");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains(csv + ":3: column 'admin2' has 'Gaza'").doesNotContain("Exception", "\tat ");
        assertThat(run("import", "list").out()).doesNotContain("acled-events");
        var quarantine = dir.resolve("bad.jsonl");
        var kept = run("import", "acled", csv.toString(), "--as", "mona", "--no-progress", "--quarantine", quarantine.toString());
        assertThat(kept.out()).contains("added 1 (incident 1)", "1 rejected row written to " + quarantine);
        assertThat(Files.readAllLines(quarantine)).singleElement().satisfies(l -> assertThat(l).contains("\"line\":3", "\"column\":\"admin2\"", "\"value\":\"Gaza\"",
                "unknown governorate", "PSE-2"));
        var analyst = run("import", "acled", ACLED.toString(), "--as", "root", "--no-progress");
        assertThat(analyst.exit()).isEqualTo(2);
        assertThat(analyst.err()).contains("only monitors import data");
    }

    @Test
    void bench_import_imports_and_verifies_the_rows_it_generated() {
        var r = CliTest.run("bench", "import", "--rows", "2500");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("generated 2,500 rows", "imported 2,500 rows in", "rows/s (one transaction, COPY, one signed entry, durable commit)",
                "ledger verify (every row re-hashed against the import's Merkle root): OK in");
    }
}
