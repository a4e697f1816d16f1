package org.phasegate.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.phasegate.problem.TextFile;

/**
 * The one JSON Lines reader (evidence files, ledger submissions, ledger exports). It streams: one line in memory
 * at a time. A line ends at \n, \r\n or a lone \r, so no line ending hides a record. Each non-blank line (and not a
 * {@code //} comment) must be exactly one JSON value: two values on one line, a duplicate key, invalid UTF-8, a
 * line over {@value #MAX_LINE} bytes and malformed JSON are problems at {@code file:line:col}; nothing is dropped.
 */
public final class JsonLines {
    /** Far above any record (the bundled ones are under 2 KB); a longer line is refused without being held whole. */
    public static final int MAX_LINE = 4 * 1024 * 1024;
    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** One value and where its line is. */
    public record Line(JsonNode node, Position at) {
    }

    /** Reads {@code in} line by line; every good line goes to {@code each}, every bad one to {@code problems}. */
    public void read(InputStream in, Problems problems, Consumer<Line> each) throws IOException {
        var cursor = cursor(in, problems);
        for (var line = cursor.next(); line.isPresent(); line = cursor.next()) each.accept(line.get());
    }

    /** Pull-style reading, for callers that consume one entry at a time (the ledger import). */
    public Cursor cursor(InputStream in, Problems problems) {
        return new Cursor(in, problems);
    }

    /** The next good line on each call; bad lines go to the problems and are skipped, so the caller decides when to stop. */
    public final class Cursor {
        private final InputStream in;
        private final Problems problems;
        private final byte[] buffer = new byte[64 * 1024];
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int filled;
        private int next;
        private int number;
        private boolean afterCr;
        private boolean ended;

        private Cursor(InputStream in, Problems problems) {
            this.in = in;
            this.problems = problems;
        }

        public java.util.Optional<Line> next() throws IOException {
            while (!ended) {
                var found = readLine();
                if (found.isPresent()) return found;
            }
            return java.util.Optional.empty();
        }

        /** Reads up to the end of one line (or the input) and returns its value, if it is a good, non-blank line. */
        private java.util.Optional<Line> readLine() throws IOException {
            line.reset();
            boolean tooLong = false;
            number++;
            while (true) {
                if (next == filled) {
                    filled = in.read(buffer);
                    next = 0;
                    if (filled <= 0) {
                        ended = true;
                        return finish(line, number, tooLong);
                    }
                }
                byte b = buffer[next++];
                if (b == '\n' && afterCr) {
                    afterCr = false;
                    continue;
                }
                afterCr = b == '\r';
                if (b == '\n' || b == '\r') return finish(line, number, tooLong);
                if (line.size() < MAX_LINE) line.write(b);
                else tooLong = true;
            }
        }

        private java.util.Optional<Line> finish(ByteArrayOutputStream bytes, int at, boolean tooLong) {
            if (tooLong) {
                problems.add(new Position(at, 1), "line is longer than " + MAX_LINE + " bytes", "one record a line; is this a JSON Lines file?");
                return java.util.Optional.empty();
            }
            String text;
            try {
                text = TextFile.decode(problems.file(), bytes.toByteArray());
            } catch (InvalidInputException e) {
                Problem p = e.problems().getFirst();
                problems.add(new Position(at, p.column()), p.message(), p.hint());
                return java.util.Optional.empty();
            }
            String stripped = text.strip();
            if (stripped.isEmpty() || stripped.startsWith("//")) return java.util.Optional.empty();
            return value(text, at, problems).map(node -> new Line(node, new Position(at, firstColumn(text))));
        }
    }

    /** The same rules over text already in memory. */
    public void parse(String text, Problems problems, Consumer<Line> each) {
        try {
            read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), problems, each);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** One line's value under this reader's rules (one value, no duplicate keys), for callers that split lines themselves. */
    public java.util.Optional<JsonNode> value(String text, int number, Problems problems) {
        try (JsonParser p = json.createParser(text)) {
            JsonNode node = json.readTree(p);
            if (p.nextToken() != null) {
                problems.add(new Position(number, (int) p.currentTokenLocation().getColumnNr()), "a second JSON value on the same line",
                        "one record a line: put each record on its own line");
                return java.util.Optional.empty();
            }
            if (node == null || node.isMissingNode()) {
                problems.add(new Position(number, 1), "no JSON value on this line", "each line must be one JSON object");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(node);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            problems.add(new Position(number, column), "not valid JSON: " + Quote.shorten(firstLine(e.getOriginalMessage())),
                    "each line must be one JSON object");
        } catch (IOException e) {
            problems.add(new Position(number, 1), "not readable as JSON: " + Quote.shorten(String.valueOf(e.getMessage())), "");
        }
        return java.util.Optional.empty();
    }

    private static int firstColumn(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i + 1;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
