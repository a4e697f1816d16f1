package org.phasegate.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts what a reader gives without storing it: rows by type, rows by flag, rejections, and the last period covered. A dry run
 * without a store, and tests, use it; the store's importer keeps the same counts while it writes.
 */
public final class Tally implements RowSink {
    private final List<Rejection> rejected = new ArrayList<>();
    private final Map<String, Long> byType = new HashMap<>();
    private final Map<String, Long> seen = new HashMap<>();
    private final Map<String, Long> flagged = new HashMap<>();
    private final List<ImportedRow> kept;
    private Dataset dataset;
    private LocalDate lastEnd;
    private String lastPeriod;

    /** Counts only. */
    public Tally() {
        this(false);
    }

    /** With {@code keep}, also holds every row (tests; small files). */
    public Tally(boolean keep) {
        this.kept = keep ? new ArrayList<>() : null;
    }

    @Override
    public void begin(Dataset d) {
        dataset = d;
    }

    @Override
    public void row(ImportedRow row) {
        var before = seen.putIfAbsent(row.sourceId(), row.line());
        if (before != null) {
            rejected.add(new Rejection(row.line(), "id", row.sourceId(), "row id given before in this file, at line " + before, ""));
            return;
        }
        byType.merge(row.type(), 1L, Long::sum);
        for (var flag : row.flags()) flagged.merge(flag, 1L, Long::sum);
        if (kept != null) kept.add(row);
        row.period().ifPresent(p -> {
            if (lastEnd == null || p.end().isAfter(lastEnd)) {
                lastEnd = p.end();
                lastPeriod = p.upTo();
            }
        });
    }

    @Override
    public void rejected(Rejection rejection) {
        rejected.add(rejection);
    }

    public Dataset dataset() {
        return dataset;
    }

    public long rows() {
        return byType.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> byType() {
        return new TreeMap<>(byType);
    }

    /** The rows counted by each flag they carry ({@code not-reported:fatalities} -> 12), sorted by flag. */
    public Map<String, Long> flagged() {
        return new TreeMap<>(flagged);
    }

    /**
     * {@code 12 rows flagged not-reported:fatalities; 38 rows flagged gap-filled:killed}, for a summary; empty when no
     * row carries a flag.
     */
    public static Optional<String> describeFlags(Map<String, Long> flagged) {
        if (flagged.isEmpty()) return Optional.empty();
        return Optional.of(new TreeMap<>(flagged).entrySet().stream()
                .map(e -> String.format("%,d row%s flagged %s", e.getValue(), e.getValue() == 1 ? "" : "s", e.getKey()))
                .collect(java.util.stream.Collectors.joining("; ")));
    }

    public List<Rejection> rejected() {
        return List.copyOf(rejected);
    }

    public List<ImportedRow> kept() {
        if (kept == null) throw new IllegalStateException("this tally does not keep rows");
        return List.copyOf(kept);
    }

    public Optional<String> lastPeriod() {
        return Optional.ofNullable(lastPeriod);
    }
}
