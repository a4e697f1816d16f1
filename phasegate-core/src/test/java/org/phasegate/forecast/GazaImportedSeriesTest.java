package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.gate.GateEngine;

/**
 * What the real ACLED political-violence file (read where it lies) does to the bundled Gaza scenario: its status
 * shows the Gaza Strip's fatalities as context (231 in 2026-03 and 2026-04 as of 2026-06-01, summed apart with
 * python3 over the file's PS02 rows), and nothing else moves: no obligation, gate or phase, and not the forecast,
 * because no rule of the scenario reads the series (docs/forecast.md, "Limits").
 */
class GazaImportedSeriesTest {
    static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    /** Each row as the store hands it to the engine: dated at its month's last second, with its dataset, p-codes and period. */
    static List<EvidenceRecord> acledRows() throws Exception {
        var file = new ObjectMapper().readTree(TestFiles.sharedData().resolve("events/acled-monthly-political-violence.json").toFile());
        var out = new ArrayList<EvidenceRecord>();
        for (var r : file.path("rows")) {
            var month = YearMonth.parse(r.path("date_period").asText());
            out.add(new EvidenceRecord(r.path("admin2_pcode").asText() + ":" + month, RecordType.INCIDENT,
                    month.atEndOfMonth().atTime(23, 59, 59).toInstant(ZoneOffset.UTC), Optional.empty(), Place.UNKNOWN,
                    Map.of("fatalities", r.path("fatalities").asDouble(), "events", r.path("events").asDouble()),
                    Map.of("dataset", "acled-monthly-political-violence", "admin1-pcode", r.path("admin1_pcode").asText(),
                            "admin2-pcode", r.path("admin2_pcode").asText(), "pcode", r.path("admin2_pcode").asText(), "import-period", month.toString()),
                    Optional.empty(), Optional.empty(), false, Attestation.UNKNOWN, List.of(), List.of()));
        }
        return out;
    }

    static List<EvidenceRecord> evidence() {
        var s = Sets.gaza();
        return s.eventsReader().read(TestFiles.scenarios().resolve("gaza-2025.events.jsonl"));
    }

    @Test
    void the_series_is_shown_as_context_and_moves_no_status() throws Exception {
        var s = Sets.gaza();
        var with = new GateEngine(s).status(evidence(), acledRows(), AS_OF);
        var without = new GateEngine(s).status(evidence(), List.of(), AS_OF);
        assertThat(with.context().getFirst().total()).hasValue(231);
        assertThat(with.context().getFirst().dataUpTo()).contains("2026-04");
        assertThat(without.context().getFirst().total()).isEmpty();
        assertThat(with.obligations()).isEqualTo(without.obligations());
        assertThat(with.gates()).isEqualTo(without.gates());
        assertThat(with.phases()).isEqualTo(without.phases());
    }

    @Test
    void the_forecast_is_the_same_with_and_without_the_series() throws Exception {
        var s = Sets.gaza();
        var set = Sets.bundled(s, "sceptic");
        var options = new ForecastOptions(11, 300, 1, 7, 730, List.of(java.time.LocalDate.of(2027, 12, 31)), "phase-2", 0, Optional.empty());
        var with = new Forecaster().forecast(s, StartingState.of(s, evidence(), acledRows(), AS_OF), set, options);
        var without = new Forecaster().forecast(s, StartingState.of(s, evidence(), List.of(), AS_OF), set, options);
        assertThat(ForecastJson.render(with, List.of())).isEqualTo(ForecastJson.render(without, List.of()));
    }
}
