package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;

/**
 * The demo's "latest evidence" line: how old the monitors' records are, and how far the imported data runs, so it never
 * says that nothing later is known when the real data goes further (the imported periods as the demo names them:
 * ACLED's monthly files to 2026-04, the daily casualty series to 2026-08-22).
 */
class DemoLatestEvidenceTest {
    static final EvidenceRecord LAST = new EvidenceRecord("r", RecordType.STATEMENT, Instant.parse("2026-02-19T10:00:00Z"), Optional.empty(), Place.UNKNOWN,
            Map.of(), Map.of(), Optional.empty(), Optional.empty(), false, new Attestation("m", "UN"), List.of(), List.of());
    static final TreeMap<String, String> UP_TO = new TreeMap<>(Map.of("ACLED", "2026-04", "gaza-casualties-daily", "2026-08-22"));

    static String line(TreeMap<String, String> upTo, String at) {
        var out = new StringWriter();
        DemoCommand.latestEvidence(List.of(LAST), upTo, Instant.parse(at), new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void a_stale_record_file_is_said_to_be_stale_and_the_imported_data_s_last_periods_are_named() {
        // 2026-02-19T10:00 to 2026-06-01T00:00: 101 whole days; ACLED's April has ended by then, the casualty series runs past it
        assertThat(line(UP_TO, "2026-06-01T00:00:00Z")).isEqualTo("latest evidence: 2026-02-19 (101 days before the status date; no monitors' record is later,"
                + " so quiet periods and stalls since then are as the file leaves them); imported data runs to ACLED 2026-04,"
                + " gaza-casualties-daily 2026-08-22 (after the status date)\n\n")
                .doesNotContain("nothing later is recorded");
        assertThat(line(UP_TO, "2026-09-01T00:00:00Z")).endsWith("; imported data runs to ACLED 2026-04, gaza-casualties-daily 2026-08-22\n\n");
    }

    @Test
    void without_imported_data_the_line_names_none() {
        assertThat(line(new TreeMap<>(), "2026-02-25T00:00:00Z")).isEqualTo("latest evidence: 2026-02-19 (5 days before the status date)\n\n");
    }
}
