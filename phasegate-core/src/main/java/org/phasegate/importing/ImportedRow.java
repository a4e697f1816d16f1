package org.phasegate.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.phasegate.problem.Valid;

/**
 * One source row in Phasegate's terms. {@code sourceId} identifies it within its dataset (re-imports match on it);
 * {@code type} is a record type ({@code incident}, {@code casualties}, ...) or {@code place}; {@code period} is the
 * day or month it covers, from {@code start} to {@code end} inclusive (absent for places); {@code flags} name
 * values that are not plain reports (e.g. {@code gap-filled:killed}); {@code geometry} is GeoJSON text (WGS84).
 */
public record ImportedRow(String sourceId, long line, String type, Optional<Period> period, Optional<String> pcode,
                          Map<String, Double> quantities, Map<String, String> attributes, List<String> flags,
                          Optional<String> geometry) {
    /** The attribute that names an imported row's dataset once it is a record for the gate engine (as the engine's index reads it). */
    public static final String DATASET_ATTRIBUTE = "dataset";
    /** The attribute that carries an imported row's period label ({@code 2026-04}) once it is a record for the gate engine. */
    public static final String PERIOD_ATTRIBUTE = "import-period";


    /** A day or a month: the dates it covers, and its label ({@code 2026-04}, {@code 2026-04-30}). */
    public record Period(LocalDate start, LocalDate end, String label) {
        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(label, "label");
            if (end.isBefore(start)) throw new IllegalArgumentException("period " + label + " ends before it starts");
        }

        /**
         * What "data up to" names: a day's or a month's label, the last day of a range ({@code 2023-10-10/2023-10-12}
         * -> {@code 2023-10-12}). The label itself stays as it is: it is part of a stored row's content.
         */
        public String upTo() {
            return upTo(label);
        }

        /** {@link #upTo()} of a stored label (a range's is {@code START/END}). */
        public static String upTo(String label) {
            return label.substring(label.indexOf('/') + 1);
        }

        public static Period day(LocalDate d) {
            return new Period(d, d, d.toString());
        }

        public static Period month(int year, int month) {
            var start = LocalDate.of(year, month, 1);
            return new Period(start, start.plusMonths(1).minusDays(1), String.format("%04d-%02d", year, month));
        }
    }

    public ImportedRow {
        Objects.requireNonNull(sourceId, "sourceId");
        if (sourceId.isBlank()) throw new IllegalArgumentException("a source row id is blank");
        Valid.text(sourceId, "source row id", Valid.MAX_ID);
        Valid.id(type, "row type");
        quantities = Map.copyOf(quantities);
        for (var q : quantities.entrySet()) {
            if (!(q.getValue() >= 0) || q.getValue().isInfinite()) Valid.nonNegative(q.getValue(), "row " + sourceId + ": quantity " + q.getKey());
        }
        attributes = Map.copyOf(attributes);
        // the message is built only for a value that fails: a million rows must not build a million messages
        for (var a : attributes.entrySet()) if (!plainText(a.getValue())) Valid.text(a.getValue(), "row " + sourceId + ": attribute " + a.getKey(), Valid.MAX_TEXT);
        flags = List.copyOf(flags);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(pcode, "pcode");
        Objects.requireNonNull(geometry, "geometry");
    }

    /** Text {@link Valid#text} accepts for certain: short enough, no control character but tab and line breaks, no surrogate. */
    private static boolean plainText(String v) {
        if (v == null || v.length() > Valid.MAX_TEXT) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || Character.isSurrogate(c)) return false;
        }
        return true;
    }
}
