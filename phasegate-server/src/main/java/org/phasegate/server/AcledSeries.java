package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.store.imports.ImportedSeries;

/**
 * One ACLED monthly dataset as imported into the store, by month and governorate p-code: the rows its import counts
 * (corroborated or verified, as the gate engine counts them; {@link ImportedSeries}), each month's value of a measure
 * per p-code, the months it covers and the last one. Built once per ledger state; pure over the loaded rows.
 */
record AcledSeries(String dataset, ImportedSeries.Coverage coverage, java.util.NavigableMap<YearMonth, Map<String, Row>> byMonth, List<String> sources) {
    /** One governorate-month: the ACLED names beside the p-code, and its quantities (fatalities may be absent). */
    record Row(String pcode, String admin1, String admin2, Map<String, Double> quantities) {
    }

    static final List<String> MEASURES = List.of("events", "fatalities");

    AcledSeries {
        var copy = new TreeMap<YearMonth, Map<String, Row>>();
        byMonth.forEach((m, rows) -> copy.put(m, java.util.Collections.unmodifiableMap(new TreeMap<>(rows))));
        byMonth = java.util.Collections.unmodifiableNavigableMap(copy);
        sources = List.copyOf(sources);
    }

    static AcledSeries of(String dataset, ImportedSeries s) {
        var byMonth = new TreeMap<YearMonth, Map<String, Row>>();
        var sources = new TreeSet<String>();
        for (EvidenceRecord r : s.records()) {
            var pcode = r.attributes().get("pcode");
            if (pcode == null) continue;
            var month = YearMonth.from(r.time().atZone(ZoneOffset.UTC));
            byMonth.computeIfAbsent(month, m -> new TreeMap<>()).put(pcode, new Row(pcode, r.attributes().getOrDefault("admin1", ""),
                    r.attributes().getOrDefault("admin2", ""), r.quantities()));
            r.sources().forEach(src -> sources.add(src.url()));
        }
        var coverage = s.coverage().getOrDefault(dataset, new ImportedSeries.Coverage(dataset, 0, 0, java.util.Optional.empty(),
                java.util.Optional.empty(), "not imported", "not imported", 0));
        return new AcledSeries(dataset, coverage, byMonth, List.copyOf(sources));
    }

    /**
     * The answer for one month and measure: each p-code's value (null where ACLED reports none) under {@code admin1Pcode}
     * (PS02: Gaza's five), that month's largest, the largest of any month, the months covered, the import's state and sources.
     */
    ObjectNode month(YearMonth month, String measure, String admin1Pcode) {
        var n = Json.object().put("dataset", dataset).put("measure", measure).put("month", month.toString());
        coverage.lastPeriod().ifPresentOrElse(p -> n.put("lastPeriod", p), () -> n.putNull("lastPeriod"));
        coverage.lastDay().ifPresentOrElse(d -> n.put("lastDate", d.toString()), () -> n.putNull("lastDate"));
        n.put("importState", coverage.importState()).put("countedAs", coverage.state()).put("rowsCounted", coverage.counted()).put("rowsNotCounted", coverage.notCounted());
        var months = n.putArray("months");
        byMonth.keySet().forEach(m -> months.add(m.toString()));
        sources.forEach(n.putArray("sources")::add);
        var values = n.putArray("values");
        double max = 0;
        for (var row : byMonth.getOrDefault(month, Map.of()).values()) {
            if (!row.pcode().startsWith(admin1Pcode)) continue;
            var v = values.addObject().put("pcode", row.pcode()).put("admin1", row.admin1()).put("admin2", row.admin2());
            var q = row.quantities().get(measure);
            if (q == null) v.putNull("value");
            else {
                v.put("value", q.longValue());
                max = Math.max(max, q);
            }
        }
        return n.put("max", (long) max).put("scaleMax", (long) maxOverMonths(measure, admin1Pcode));
    }

    /** The largest value of any month: a scale that stays put as the month changes, so a colour means one value. */
    private double maxOverMonths(String measure, String admin1Pcode) {
        return byMonth.values().stream().flatMap(m -> m.values().stream()).filter(r -> r.pcode().startsWith(admin1Pcode))
                .mapToDouble(r -> r.quantities().getOrDefault(measure, 0.0)).max().orElse(0);
    }
}
