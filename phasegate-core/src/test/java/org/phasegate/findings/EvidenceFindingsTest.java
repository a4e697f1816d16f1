package org.phasegate.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

/** Issue 11, findings 1, 3, 7 and 8 on the evidence path; each failed on main before the fix. */
class EvidenceFindingsTest {
    static final String VALID = TestFiles.resource("scenarios/mini.events.jsonl");

    /** Finding 1: the problem list was sorted twice per line (38 s for 8,000 lines); a generous hang guard, not a benchmark. */
    @Test
    void thirtyTwoThousandEmptyRecordsAreAllReportedWithoutAQuadraticPass() {
        String text = "{}\n".repeat(32_000);
        var events = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> catchThrowableOfType(InvalidInputException.class, () -> new EventsReader().parse("e.jsonl", text)));
        assertThat(events.problems()).hasSize(32_000 * 3);
        assertThat(events.problems().getLast().line()).isEqualTo(32_000);
        var submissions = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowableOfType(InvalidInputException.class,
                () -> new SubmissionReader(new EventsReader()).parse("s.jsonl", text, true)));
        assertThat(submissions.problems()).extracting(Problem::line).contains(1, 16_000, 32_000);
    }

    /** Finding 3: two records on one line read only the first, silently. */
    @Test
    void twoRecordsOnOneLineAreAProblemAtTheSecond() {
        var line = "{\"id\":\"a\",\"type\":\"incident\",\"time\":\"2025-01-01\"} {\"id\":\"b\",\"type\":\"incident\",\"time\":\"2025-01-01\"}";
        var e = catchThrowableOfType(InvalidInputException.class, () -> new EventsReader().parse("two.jsonl", line));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.render()).startsWith("two.jsonl:1:50: a second JSON value on the same line");
        });
    }

    /** Finding 3: a file with CR-only line endings read only its first record. */
    @Test
    void everyLineEndingGivesEveryRecord() {
        int expected = new EventsReader().parse("lf.jsonl", VALID).size();
        for (String ending : new String[] {"\r", "\r\n", "\n"}) {
            var text = String.join(ending, VALID.lines().toList()) + ending;
            var records = new EventsReader().parse("x.jsonl", text);
            assertThat(records).as("ending %s", ending.replace("\r", "CR").replace("\n", "LF")).hasSize(expected);
        }
        var mixed = VALID.lines().toList();
        var text = new StringBuilder();
        for (int i = 0; i < mixed.size(); i++) text.append(mixed.get(i)).append(i % 3 == 0 ? "\r" : i % 3 == 1 ? "\r\n" : "\n");
        assertThat(new EventsReader().parse("mixed.jsonl", text.toString())).hasSize(expected);
    }

    /** Finding 3: with a duplicate JSON key the last value won, silently. */
    @Test
    void aDuplicateJsonKeyIsAProblem() {
        var line = "{\"id\":\"a\",\"type\":\"incident\",\"time\":\"2025-01-01\",\"type\":\"statement\"}";
        var e = catchThrowableOfType(InvalidInputException.class, () -> new EventsReader().parse("dup.jsonl", line));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.render()).startsWith("dup.jsonl:1:").contains("Duplicate field 'type'"));
        var reader = new SubmissionReader(new EventsReader(Set.of(), Set.of()));
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> reader.parse("dup.json", line, false)).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("Duplicate field 'type'"));
    }

    /** Finding 7: invalid UTF-8 was "Input length = 1 (check the path)", without a place. */
    @Test
    void invalidUtf8IsLocatedByLineAndColumn(@TempDir Path dir) throws Exception {
        var bytes = (VALID.lines().findFirst().orElseThrow() + "\n{\"id\":\"caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        var file = Files.write(dir.resolve("latin1.jsonl"), bytes);
        var e = catchThrowableOfType(InvalidInputException.class, () -> new EventsReader().read(file));
        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.render()).isEqualTo(file + ":2:11: not valid UTF-8 (byte 0xE9) (save the file as UTF-8)"));
    }

    /** Finding 8: a 5 MB value went whole into the message, and "did you mean" spent 16 s on it. */
    @Test
    void aHugeValueIsQuotedShortAndNotSpellChecked() {
        String huge = "x".repeat(3_000_000);
        var line = "{\"id\":\"a\",\"type\":\"" + huge + "\",\"time\":\"2025-01-01\"}";
        var e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> catchThrowableOfType(InvalidInputException.class, () -> new EventsReader().parse("huge.jsonl", line)));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("'" + "x".repeat(80) + "…' (3000000 characters)");
            assertThat(p.render().length()).isLessThan(400);
        });
        var longer = catchThrowableOfType(InvalidInputException.class, () -> new EventsReader().parse("huge.jsonl", line.replace(huge, huge + huge)));
        assertThat(longer.problems()).singleElement().satisfies(p -> assertThat(p.render()).isEqualTo(
                "huge.jsonl:1:1: line is longer than 4194304 bytes (one record a line; is this a JSON Lines file?)"));
    }
}
