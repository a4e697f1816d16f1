package org.phasegate.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.RecordType;
import org.phasegate.evidence.Reports;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.Threshold;

/**
 * Verified records sorted into the scenario's measures once, so that evaluating a condition at any time
 * costs a few binary searches. Also keeps the assessments and disputes recorded against each obligation,
 * and the records still waiting for verification.
 */
final class EvidenceIndex {
    private final Map<String, Map<Integer, Series>> series = new HashMap<>();   // measure id -> min attestations -> series
    private final Map<String, List<EvidenceRecord>> counted = new HashMap<>();   // measure id -> the records its level-0 series counts
    private final Map<String, List<EvidenceRecord>> aboutObligation = new HashMap<>();
    private final Map<String, Integer> pending = new HashMap<>();
    private final TreeSet<Long> recordTimes = new TreeSet<>();
    /** Measure id -> the time of the first verified record of it marked {@code "final": "true"}. */
    private final Map<String, Long> finalFrom = new HashMap<>();

    EvidenceIndex(Scenario scenario, List<EvidenceRecord> records) {
        this(scenario, records, List.of());
    }

    /**
     * As above, and {@code imported}: rows of imported datasets the import policy admits (attribute {@code dataset}),
     * counted only by measures that name their dataset ({@code import:}), with no attestations.
     */
    EvidenceIndex(Scenario scenario, List<EvidenceRecord> records, List<EvidenceRecord> imported) {
        var byVerified = records.stream().collect(Collectors.partitioningBy(
                r -> scenario.verification().verifies(r)));
        var verified = byVerified.get(true).stream().sorted(Comparator.comparing(EvidenceRecord::time)).toList();
        byVerified.get(false).forEach(r -> r.obligation().ifPresent(o -> pending.merge(o, 1, Integer::sum)));
        var attestations = new java.util.IdentityHashMap<EvidenceRecord, Integer>();
        verified.forEach(r -> attestations.put(r, r.independentAttestations()));
        var byType = verified.stream().collect(Collectors.groupingBy(EvidenceRecord::type));
        var sortedImports = imported.stream().sorted(Comparator.comparing(EvidenceRecord::time)).toList();
        sortedImports.forEach(r -> attestations.put(r, 0));
        for (var level : attestationLevels(scenario).entrySet()) {
            var m = scenario.measure(level.getKey()).orElseThrow();
            var candidates = m.imported().isPresent() ? fromDataset(sortedImports, m)
                    : RecordType.fromWire(m.recordType()).map(t -> byType.getOrDefault(t, List.of())).orElse(List.of());
            var byLevel = series.computeIfAbsent(m.id(), x -> new HashMap<>());
            var matching = candidates.stream().filter(r -> matches(m, r)).toList();
            counted.put(m.id(), matching);
            for (int k : level.getValue()) byLevel.put(k, build(m, matching, k, attestations));
            candidates.stream().filter(r -> matches(m, r) && FINAL.equals(r.attributes().get(FINAL_KEY))).findFirst()
                    .ifPresent(r -> finalFrom.put(m.id(), r.time().getEpochSecond()));
        }
        for (var r : verified) {
            r.obligation().ifPresent(o -> aboutObligation.computeIfAbsent(o, x -> new ArrayList<>()).add(r));
        }
        verified.forEach(r -> recordTimes.add(r.time().getEpochSecond()));
        sortedImports.forEach(r -> recordTimes.add(r.time().getEpochSecond()));
    }

    /** The imported rows the measure reads: of its dataset and record type, passing its filters ({@link Measure#readsImported}). */
    private static List<EvidenceRecord> fromDataset(List<EvidenceRecord> imported, Measure m) {
        return imported.stream().filter(m::readsImported).toList();
    }

    /** The attribute that names an imported row's dataset. */
    public static final String DATASET_KEY = "dataset";

    Series series(String measure, int attestations) {
        var byLevel = series.get(measure);
        return byLevel == null ? Series.EMPTY : byLevel.getOrDefault(attestations, Series.EMPTY);
    }

    /** The verified records (or admitted imported rows) the measure counts, in time order, whatever their attestations. */
    List<EvidenceRecord> counted(String measure) {
        return counted.getOrDefault(measure, List.of());
    }

    List<EvidenceRecord> about(String obligation) {
        return aboutObligation.getOrDefault(obligation, List.of());
    }

    /** The record attribute that declares a measure's total final: no more will be recorded. */
    static final String FINAL_KEY = "final";
    private static final String FINAL = "true";

    /** Whether a verified record at or before {@code t} declared the measure's total final. */
    boolean isFinal(String measure, long t) {
        Long from = finalFrom.get(measure);
        return from != null && from <= t;
    }

    int pending(String obligation) {
        return pending.getOrDefault(obligation, 0);
    }

    TreeSet<Long> recordTimes() {
        return recordTimes;
    }

    /** {@code counted}: the verified records (or admitted rows) that pass the measure's filters, in time order. */
    private static Series build(Measure m, List<EvidenceRecord> counted, int minAttestations, Map<EvidenceRecord, Integer> attestationsOf) {
        var matching = minAttestations == 0 ? counted : counted.stream().filter(r -> attestationsOf.get(r) >= minAttestations).toList();
        int n = matching.size();
        long[] times = new long[n];
        double[] cumulative = new double[n];
        int[] attestations = new int[n];
        double[] percent = new double[n];
        double[] sincePercent = new double[n];
        double sum = 0, pct = Double.NaN, since = 0;
        for (int i = 0; i < n; i++) {
            var r = matching.get(i);
            times[i] = r.time().getEpochSecond();
            double v = m.quantity().map(r::quantity).orElse(1.0);
            switch (m.quantity().isPresent() ? Reports.of(r) : Reports.INCREMENT) {
                case INCREMENT -> {
                    sum += v;
                    since += v;
                }
                case CUMULATIVE -> {
                    sum = v;
                    pct = Double.NaN;
                    since = 0;
                }
                case PERCENT -> {
                    pct = v;
                    since = 0;
                }
            }
            cumulative[i] = sum;
            percent[i] = pct;
            sincePercent[i] = Double.isNaN(pct) ? 0 : since;
            attestations[i] = attestationsOf.get(r);
        }
        return new Series(times, cumulative, attestations, percent, sincePercent);
    }

    /** Whether a record of the measure's type passes its party, quantity and attribute filters ({@link Measure#matches}). */
    static boolean matches(Measure m, EvidenceRecord r) {
        return m.matches(r);
    }

    /** For each measure, the attestation levels conditions ask of it (0 = any verified record). */
    private static Map<String, TreeSet<Integer>> attestationLevels(Scenario s) {
        var levels = new HashMap<String, TreeSet<Integer>>();
        s.measures().forEach(m -> levels.computeIfAbsent(m.id(), x -> new TreeSet<>()).add(0));
        s.obligations().forEach(o -> o.target().ifPresent(t -> add(levels, t)));
        s.gates().forEach(g -> g.when().walk().forEach(c -> {
            if (c instanceof org.phasegate.scenario.Condition.Reaches r) add(levels, r.threshold());
        }));
        return levels;
    }

    private static void add(Map<String, TreeSet<Integer>> levels, Threshold t) {
        levels.computeIfAbsent(t.measure(), x -> new TreeSet<>()).add(t.attestations());
        t.ofMeasure().ifPresent(m -> levels.computeIfAbsent(m, x -> new TreeSet<>()).add(0));
    }
}
