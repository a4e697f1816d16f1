package org.phasegate.durability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Problems;

/**
 * Reads the UCDP Peace Agreement Dataset CSV (columns {@code paid, pa_date, ended, duration, censor_point} and the
 * 0/1 provision codes). Headers are trimmed (two carry a trailing space); {@code ended} is empty, 0, 1, 0.0 or 1.0;
 * every bad value is reported at once with its line and column, and nothing is returned unless all rows are good.
 */
public final class AgreementReader {
    private static final List<String> OUTCOMES = List.of("ended", "duration", "censor_point");
    private static final int MAX_BYTES = 64 << 20;
    private final boolean outcomes;

    /** A reader for fitting: every row needs its outcome (ended, duration, censor_point). */
    public AgreementReader() {
        this(true);
    }

    /**
     * {@code outcomes} false: for prediction, only paid, pa_date and the provisions are needed; outcome columns, when
     * present, are still checked.
     */
    public AgreementReader(boolean outcomes) {
        this.outcomes = outcomes;
    }

    public AgreementData read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(new Problem(file.toString(), 0, 0, "the file is larger than 64 MB", "is this the agreements CSV?"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, 0, "cannot read the agreements file: " + e.getMessage(),
                    "the UCDP file lives in ../shared/data/agreements/ucdp-pad-1975-2004.csv from the repository root"));
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.UTF_8), sha256(bytes));
    }

    /** Reads an agreements CSV; its text and provenance come from the caller. */
    public AgreementData parse(String file, String text, String sha256) {
        var rows = CsvRecords.split(file, text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (rows.isEmpty()) throw new InvalidInputException(new Problem(file, 1, 1, "the file is empty", "expected a header row naming paid, pa_date, ended, ..."));
        var problems = new Problems(file);
        var columns = header(rows.get(0), problems);
        boolean known = columns.keySet().containsAll(OUTCOMES);
        problems.throwIfAny();
        var agreements = new ArrayList<Agreement>();
        var seen = new HashMap<String, Integer>();
        for (var row : rows.subList(1, rows.size())) {
            int line = row.get(0).line();
            String id = row.size() == columns.size() ? row.get(columns.get("paid")).text().trim() : "";
            Integer first = id.isEmpty() ? null : seen.putIfAbsent(id, line);
            if (first != null) problems.add(new Position(line, 1), "duplicate paid '" + id + "'", "first at line " + first);
            else row(row, columns, known, problems).ifPresent(agreements::add);
        }
        if (agreements.isEmpty() && problems.isEmpty()) problems.add(new Position(1, 1), "the file has a header but no agreements");
        problems.throwIfAny();
        return new AgreementData(file, sha256, agreements);
    }

    private Map<String, Integer> header(List<CsvRecords.Field> row, Problems problems) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < row.size(); i++) {
            var f = row.get(i);
            if (columns.putIfAbsent(f.text().trim(), i) != null) {
                problems.add(new Position(f.line(), f.column()), "column '" + f.text().trim() + "' appears twice", "keep one");
            }
        }
        var required = new ArrayList<>(List.of("paid", "pa_date"));
        if (outcomes) required.addAll(OUTCOMES);
        for (String name : required) {
            if (!columns.containsKey(name)) problems.add(new Position(1, 1), "no column '" + name + "'", "the UCDP PAD file has paid, pa_date, ended, duration, censor_point");
        }
        return columns;
    }

    private static Optional<Agreement> row(List<CsvRecords.Field> row, Map<String, Integer> columns, boolean known, Problems problems) {
        var at = new Position(row.get(0).line(), 1);
        int before = problems.list().size();
        if (row.size() != columns.size()) {
            problems.add(at, "the row has " + row.size() + " fields, the header " + columns.size(), "a comma or quote may be missing");
            return Optional.empty();
        }
        var cells = new Cells(row, columns, problems);
        String id = cells.text("paid");
        if (id.isBlank()) problems.add(cells.at("paid"), "paid is empty", "every agreement needs its UCDP id");
        LocalDate signed = cells.date("pa_date", true);
        boolean ended = known && cells.ended();
        LocalDate end = known ? cells.date("duration", ended) : null;
        LocalDate censored = known ? cells.date("censor_point", true) : signed;
        var provisions = new HashMap<String, Integer>();
        for (String code : Provisions.CODES) {
            if (columns.containsKey(code)) cells.binary(code).ifPresent(v -> provisions.put(code, v));
        }
        if (problems.list().size() > before) return Optional.empty();
        try {
            return Optional.of(new Agreement(id, at.line(), signed, ended ? Optional.of(end) : Optional.empty(), censored, provisions));
        } catch (IllegalArgumentException e) {
            problems.add(cells.at(ended ? "duration" : "censor_point"), e.getMessage(), "check the dates of this row");
            return Optional.empty();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** One row's cells by column name, reporting each bad value where it stands. */
    private record Cells(List<CsvRecords.Field> row, Map<String, Integer> columns, Problems problems) {
        String text(String name) {
            return row.get(columns.get(name)).text().trim();
        }

        Position at(String name) {
            var f = row.get(columns.get(name));
            return new Position(f.line(), f.column());
        }

        LocalDate date(String name, boolean required) {
            String v = text(name);
            if (v.isEmpty() && !required) return null;
            if (v.isEmpty()) {
                problems.add(at(name), name + " is empty", name.equals("duration") ? "an ended agreement needs its end date here" : "write yyyy-mm-dd");
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problems.add(at(name), name + " '" + quote(v) + "' is not a date", "write yyyy-mm-dd, e.g. 1999-08-31");
                return null;
            }
        }

        boolean ended() {
            String v = text("ended");
            return switch (v) {
                case "1", "1.0" -> true;
                case "", "0", "0.0" -> false;
                default -> {
                    problems.add(at("ended"), "ended '" + quote(v) + "' is neither 1 nor 0 nor empty", "1 or 1.0 when the agreement ended, else empty or 0");
                    yield false;
                }
            };
        }

        Optional<Integer> binary(String code) {
            String v = text(code);
            if (v.equals("0") || v.equals("1")) return Optional.of(Integer.parseInt(v));
            problems.add(at(code), code + " '" + quote(v) + "' is not 0 or 1", "provisions are coded 0 (absent) or 1 (present)");
            return Optional.empty();
        }

        private static String quote(String v) {
            return v.length() <= 80 ? v : v.substring(0, 77) + "...";
        }
    }
}
