package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads KTAB's SMP CSV format: a line with scenario name, description, actor
 * and dimension counts; a header naming the dimensions; one row per actor with
 * name, description, capability and a (position, salience) pair per dimension.
 * CSV runs use KTAB's default parameters and seed.
 */
public final class KtabCsvReader {
    private static final int MAX_NAME = 512;
    private static final int MAX_ACTOR_NAME = 25;
    private static final int MAX_TEXT = 256;

    private final String file;

    private KtabCsvReader(String file) {
        this.file = file;
    }

    /** Parses {@code text}; {@code file} names it in error messages. */
    public static Issue parse(String file, String text) throws IssueParseException {
        return new KtabCsvReader(file).read(text);
    }

    private Issue read(String text) throws IssueParseException {
        String[] lines = Text.lines(text);
        if (lines.length < 1 || lines[0].isBlank()) {
            throw new IssueParseException(file, 1, "empty file; the first line must hold scenario name, description, number of actors, number of dimensions");
        }
        List<String> head = CsvFields.split(lines[0]);
        if (head.size() < 4) {
            throw new IssueParseException(file, 1, "expected scenario name, description, number of actors, number of dimensions; found "
                    + head.size() + " field(s)");
        }
        String name = text(head.get(0), 1, "scenario name", MAX_NAME);
        String desc = text(head.get(1), 1, "scenario description", MAX_NAME);
        int na = count(head.get(2), 1, "number of actors", Issue.MIN_ACTORS, Issue.MAX_ACTORS);
        int nd = count(head.get(3), 1, "number of dimensions", 1, 1000);
        if (lines.length < 2) {
            throw new IssueParseException(file, 2, "missing header line (Actor, Description, Power, then position and salience titles per dimension)");
        }
        List<String> header = CsvFields.split(lines[1]);
        requireFields(header, 3 + 2 * nd, 2, "header");
        List<String> dims = new ArrayList<>();
        for (int k = 0; k < nd; k++) {
            dims.add(text(header.get(3 + 2 * k), 2, "dimension name", MAX_TEXT));
        }
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < na; i++) {
            int ln = i + 3;
            if (ln > lines.length || lines[ln - 1].isBlank()) {
                throw new IssueParseException(file, ln, "expected the row of actor " + (i + 1) + " of " + na
                        + " declared on line 1; add the row or correct the count");
            }
            actors.add(actor(CsvFields.split(lines[ln - 1]), ln, nd));
        }
        for (int ln = na + 3; ln <= lines.length; ln++) {
            if (!lines[ln - 1].isBlank()) {
                throw new IssueParseException(file, ln, "more actor rows than the " + na
                        + " declared on line 1; remove the row or correct the count");
            }
        }
        return new Issue(name, desc, dims, actors, List.of(), ModelParameters.defaults(), Issue.KTAB_DEFAULT_SEED);
    }

    private Actor actor(List<String> f, int ln, int nd) throws IssueParseException {
        requireFields(f, 3 + 2 * nd, ln, "actor row");
        String name = text(f.get(0), ln, "actor name", MAX_ACTOR_NAME);
        if (name.isEmpty()) {
            throw new IssueParseException(file, ln, "actor name is empty; give each actor a name of 1 to 25 characters");
        }
        String desc = text(f.get(1), ln, "actor description", MAX_TEXT);
        double cap = Values.number(file, ln, f.get(2).trim(), "capability of " + name, 0, 1e8);
        if (cap == 0) {
            throw new IssueParseException(file, ln, "capability of " + name + " is 0; it must be positive");
        }
        List<Double> pos = new ArrayList<>();
        List<Double> sal = new ArrayList<>();
        double total = 0;
        for (int k = 0; k < nd; k++) {
            pos.add(Values.number(file, ln, f.get(3 + 2 * k).trim(), "position of " + name + " on dimension " + (k + 1), 0, 100));
            double s = Values.number(file, ln, f.get(4 + 2 * k).trim(), "salience of " + name + " on dimension " + (k + 1), 0, 100);
            total += s;
            if (total > 100 + 1e-9) {
                throw new IssueParseException(file, ln, "saliences of " + name + " add up to " + total
                        + " by dimension " + (k + 1) + "; they may add up to at most 100");
            }
            sal.add(s);
        }
        if (total == 0) {
            throw new IssueParseException(file, ln, "every salience of " + name + " is 0; give at least one dimension a positive salience");
        }
        return new Actor(name, desc, cap, pos, sal);
    }

    private void requireFields(List<String> f, int n, int ln, String what) throws IssueParseException {
        for (int i = n; i < f.size(); i++) {
            if (!f.get(i).isBlank()) {
                throw new IssueParseException(file, ln, what + " has " + f.size() + " fields, expected " + n
                        + "; remove the extra values or correct the number of dimensions on line 1");
            }
        }
        if (f.size() < n) {
            throw new IssueParseException(file, ln, what + " has " + f.size() + " fields, expected " + n
                    + " (3, then a position and a salience per dimension)");
        }
    }

    private String text(String s, int ln, String what, int max) throws IssueParseException {
        if (s.length() > max) {
            throw new IssueParseException(file, ln, what + " is " + s.length() + " characters long; shorten it to at most " + max);
        }
        return s;
    }

    private int count(String s, int ln, String what, int min, int max) throws IssueParseException {
        String t = s.trim();
        int v;
        try {
            v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IssueParseException(file, ln, what + " '" + t + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw new IssueParseException(file, ln, what + " is " + v + "; it must lie between " + min + " and " + max);
        }
        return v;
    }
}
