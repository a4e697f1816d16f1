package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;

/**
 * Reads KTAB's SMP CSV format: a line with scenario name, description, actor
 * and dimension counts; a header naming the dimensions; one row per actor with
 * name, description, capability and a (position, salience) pair per dimension.
 * CSV runs use KTAB's default parameters and seed. Every problem in every row
 * is reported, at its line and column.
 */
public final class KtabCsvReader {
    private static final int MAX_NAME = 512;
    private static final int MAX_ACTOR_NAME = 25;
    private static final int MAX_TEXT = 256;

    private final Problems problems;

    private KtabCsvReader(String file) {
        this.problems = new Problems(file);
    }

    /** Parses {@code text}; {@code file} names it in error messages. */
    public static Issue parse(String file, String text) throws IssueParseException {
        var reader = new KtabCsvReader(file);
        var issue = reader.read(text);
        if (!reader.problems.isEmpty() || issue.isEmpty()) throw new IssueParseException(reader.problems.list());
        return issue.get();
    }

    private Optional<Issue> read(String text) {
        String[] lines = Text.lines(text);
        if (lines.length < 1 || lines[0].isBlank()) {
            problems.add(new Position(1, 1), "empty file; the first line must hold scenario name, description, number of actors, number of dimensions");
            return Optional.empty();
        }
        var head = CsvFields.fields(lines[0]);
        if (head.size() < 4) {
            problems.add(new Position(1, 1), "expected scenario name, description, number of actors, number of dimensions; found "
                    + head.size() + " field(s)");
            return Optional.empty();
        }
        String name = text(head.get(0), 1, "scenario name", MAX_NAME);
        String desc = text(head.get(1), 1, "scenario description", MAX_NAME);
        var na = count(head.get(2), "number of actors", Issue.MIN_ACTORS, Issue.MAX_ACTORS);
        var nd = count(head.get(3), "number of dimensions", 1, 1000);
        if (na.isEmpty() || nd.isEmpty()) return Optional.empty();
        if (lines.length < 2) {
            problems.add(new Position(2, 1), "missing header line (Actor, Description, Power, then position and salience titles per dimension)");
            return Optional.empty();
        }
        var header = CsvFields.fields(lines[1]);
        if (!fieldCount(header, 3 + 2 * nd.get(), 2, "header")) return Optional.empty();
        List<String> dims = new ArrayList<>();
        for (int k = 0; k < nd.get(); k++) dims.add(text(header.get(3 + 2 * k), 2, "dimension name", MAX_TEXT));
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < na.get(); i++) {
            int ln = i + 3;
            if (ln > lines.length || lines[ln - 1].isBlank()) {
                problems.add(new Position(ln, 1), "expected the row of actor " + (i + 1) + " of " + na.get()
                        + " declared on line 1; add the row or correct the count");
                break;
            }
            actor(CsvFields.fields(lines[ln - 1]), ln, nd.get()).ifPresent(actors::add);
        }
        for (int ln = na.get() + 3; ln <= lines.length; ln++) {
            if (!lines[ln - 1].isBlank()) {
                problems.add(new Position(ln, 1), "more actor rows than the " + na.get() + " declared on line 1; remove the row or correct the count");
                break;
            }
        }
        if (!problems.isEmpty()) return Optional.empty();
        return Optional.of(new Issue(name, desc, dims, actors, List.of(), ModelParameters.defaults(), Issue.KTAB_DEFAULT_SEED));
    }

    private Optional<Actor> actor(List<CsvFields.Field> f, int ln, int nd) {
        if (!fieldCount(f, 3 + 2 * nd, ln, "actor row")) return Optional.empty();
        int before = problems.size();
        String name = text(f.get(0), ln, "actor name", MAX_ACTOR_NAME);
        if (name.isEmpty()) problems.add(new Position(ln, 1), "actor name is empty; give each actor a name of 1 to 25 characters");
        String desc = text(f.get(1), ln, "actor description", MAX_TEXT);
        var cap = number(f.get(2), ln, "capability of " + name, 0, 1e8);
        if (cap.isPresent() && cap.get() == 0) problems.add(at(ln, f.get(2)), "capability of " + name + " is 0; it must be positive");
        List<Double> pos = new ArrayList<>();
        List<Double> sal = new ArrayList<>();
        for (int k = 0; k < nd; k++) {
            number(f.get(3 + 2 * k), ln, "position of " + name + " on dimension " + (k + 1), 0, 100).ifPresent(pos::add);
            number(f.get(4 + 2 * k), ln, "salience of " + name + " on dimension " + (k + 1), 0, 100).ifPresent(sal::add);
        }
        double total = sal.stream().mapToDouble(Double::doubleValue).sum();
        if (sal.size() == nd && total > 100 + 1e-9) {
            problems.add(new Position(ln, 1), "saliences of " + name + " add up to " + total + "; they may add up to at most 100");
        } else if (sal.size() == nd && total == 0) {
            problems.add(new Position(ln, 1), "every salience of " + name + " is 0; give at least one dimension a positive salience");
        }
        if (problems.size() != before || cap.isEmpty()) return Optional.empty();
        return Optional.of(new Actor(name, desc, cap.get(), pos, sal));
    }

    private boolean fieldCount(List<CsvFields.Field> f, int n, int ln, String what) {
        for (int i = n; i < f.size(); i++) {
            if (!f.get(i).text().isBlank()) {
                problems.add(at(ln, f.get(i)), what + " has " + f.size() + " fields, expected " + n
                        + "; remove the extra values or correct the number of dimensions on line 1");
                return false;
            }
        }
        if (f.size() < n) {
            problems.add(new Position(ln, 1), what + " has " + f.size() + " fields, expected " + n
                    + " (3, then a position and a salience per dimension)");
            return false;
        }
        return true;
    }

    private Optional<Double> number(CsvFields.Field field, int ln, String what, double min, double max) {
        return Values.number(problems, at(ln, field), field.text().trim(), what, min, max);
    }

    private String text(CsvFields.Field field, int ln, String what, int max) {
        if (field.text().length() > max) {
            problems.add(at(ln, field), what + " is " + field.text().length() + " characters long; shorten it to at most " + max);
            return field.text().substring(0, max);
        }
        return field.text();
    }

    private Optional<Integer> count(CsvFields.Field field, String what, int min, int max) {
        String t = field.text().trim();
        int v;
        try {
            v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            problems.add(at(1, field), what + " " + Quote.of(t) + " is not a whole number");
            return Optional.empty();
        }
        if (v < min || v > max) {
            problems.add(at(1, field), what + " is " + v + "; it must lie between " + min + " and " + max);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static Position at(int line, CsvFields.Field field) {
        return new Position(line, field.column());
    }
}
