package org.phasegate.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.phasegate.evidence.Submission;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.TextFile;

/**
 * A records file for {@code record add}, read so that memory is bounded by a chunk, not by the file: a .jsonl file a
 * thousand lines at a time (each line at most 1 MiB), read twice (every problem is found before anything is
 * written; then the records stream into one transaction); a .json document whole, up to 16 MiB.
 */
final class RecordFile {
    static final int CHUNK_LINES = 1000;
    static final int MAX_LINE = 1 << 20;
    static final long MAX_DOCUMENT = 16L << 20;
    private static final int MAX_PROBLEMS = 100;
    private final SubmissionReader reader;
    private final Path file;
    private final boolean jsonLines;
    private long count;

    RecordFile(SubmissionReader reader, Path file) {
        this.reader = reader;
        this.file = file;
        this.jsonLines = file.toString().endsWith(".jsonl");
    }

    /** Reads the whole file once: every problem (up to 100) at once, or the number of records. */
    long check() {
        if (!Files.isRegularFile(file)) throw problem(0, "no such records file", "check the path");
        if (!jsonLines) {
            if (size() > MAX_DOCUMENT) {
                throw problem(0, "a .json records file may be at most 16 MiB (this one is " + size() / (1 << 20) + " MiB)",
                        "write one record a line in a .jsonl file, which may be of any size");
            }
            return count = reader.read(file).size();
        }
        var problems = new ArrayList<Problem>();
        long n = 0;
        try (var chunks = new Chunks()) {
            while (chunks.hasNext() && problems.size() < MAX_PROBLEMS) {
                try {
                    n += chunks.next().size();
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())));
        if (n == 0) throw problem(0, "no records in the file", "give one JSON object per line");
        return count = n;
    }

    long count() {
        return count;
    }

    /** The records, read again chunk by chunk as they are consumed. */
    Iterable<Submission> submissions() {
        if (!jsonLines) return reader.read(file);
        return () -> new Iterator<>() {
            private final Chunks chunks = new Chunks();
            private Iterator<Submission> current = List.<Submission>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && chunks.hasNext()) current = chunks.next().iterator();
                if (!current.hasNext()) chunks.close();
                return current.hasNext();
            }

            @Override
            public Submission next() {
                if (!hasNext()) throw new NoSuchElementException();
                return current.next();
            }
        };
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw problem(0, "cannot read records file: " + e.getMessage(), "check the path");
        }
    }

    private InvalidInputException problem(int line, String message, String hint) {
        return new InvalidInputException(new Problem(file.toString(), line, line > 0 ? 1 : 0, message, hint));
    }

    /** The file's lines a chunk at a time, parsed, with line numbers of the file. */
    private final class Chunks implements Iterator<List<Submission>>, AutoCloseable {
        private final InputStream in;
        private final List<Problem> lineProblems = new ArrayList<>();
        private int line;
        private boolean eof;

        Chunks() {
            try {
                in = new BufferedInputStream(Files.newInputStream(file));
            } catch (IOException e) {
                throw problem(0, "cannot read records file: " + e.getMessage(), "check the path");
            }
        }

        @Override
        public boolean hasNext() {
            return !eof;
        }

        @Override
        public List<Submission> next() {
            int first = line + 1;
            var text = new StringBuilder();
            boolean any = false;
            lineProblems.clear();
            for (int i = 0; i < CHUNK_LINES; i++) {
                var l = readLine();
                if (l == null) {
                    eof = true;
                    break;
                }
                var s = l.strip();
                any |= !s.isEmpty() && !s.startsWith("//");
                text.append(l).append('\n');
            }
            if (!any && lineProblems.isEmpty()) return List.of();
            int offset = first - 1;
            var problems = new ArrayList<>(lineProblems);
            try {
                var parsed = any ? reader.parse(file.toString(), text.toString(), true) : List.<Submission>of();
                if (problems.isEmpty()) {
                    return parsed.stream().map(s -> new Submission(s.record(), s.publicJson(), s.confidentiality(), s.confidentialJson(),
                            s.supersedes(), s.line() + offset)).toList();
                }
            } catch (InvalidInputException e) {
                e.problems().stream().map(p -> p.line() > 0 ? new Problem(p.file(), p.line() + offset, p.column(), p.message(), p.hint()) : p)
                        .forEach(problems::add);
            }
            problems.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new InvalidInputException(problems);
        }

        /**
         * One line, or null at the end; a line longer than 1 MiB is refused, not read whole, and a line that is not
         * UTF-8 is a problem at its line and column (read as blank, so the rest of the chunk is still checked).
         */
        private String readLine() {
            try {
                var b = new ByteArrayOutputStream();
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    if (b.size() == MAX_LINE) {
                        while ((c = in.read()) != -1 && c != '\n') {
                            // skip the rest of the line, unread
                        }
                        line++;
                        throw problem(line, "line is longer than 1 MiB", "one record a line; put long texts behind a source URL");
                    }
                    b.write(c);
                }
                if (c == -1 && b.size() == 0) return null;
                line++;
                try {
                    return TextFile.decode(file.toString(), b.toByteArray());
                } catch (InvalidInputException e) {
                    var p = e.problems().getFirst();
                    lineProblems.add(new Problem(p.file(), line, p.column(), p.message(), p.hint()));
                    return "";
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
