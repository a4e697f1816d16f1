package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

/** A records file read a chunk at a time keeps the file's line numbers, finds every problem first, and bounds lines. */
class RecordFileTest {
    @TempDir Path dir;

    private RecordFile file(String name, String text) throws Exception {
        return new RecordFile(new SubmissionReader(new EventsReader()), Files.writeString(dir.resolve(name), text));
    }

    @Test
    void problems_in_later_chunks_carry_the_file_line_numbers_and_all_are_reported() throws Exception {
        var lines = new ArrayList<String>();
        for (int i = 1; i <= 2500; i++) lines.add(LedgerCliTest.statement("s" + i, "north"));
        lines.set(1499, "{not json");
        lines.set(2344, LedgerCliTest.statement("s2345", "north").replace("\"type\":\"statement\"", "\"type\":\"statment\""));
        var f = file("many.jsonl", String.join("\n", lines) + "\n");
        assertThatThrownBy(f::check).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(Problem::line).containsExactly(1500, 2345));
    }

    @Test
    void records_stream_with_their_line_numbers() throws Exception {
        var lines = new ArrayList<String>();
        for (int i = 1; i <= 1203; i++) lines.add(i % 400 == 0 ? "" : LedgerCliTest.statement("s" + i, "north"));
        var f = file("ok.jsonl", String.join("\n", lines));
        assertThat(f.check()).isEqualTo(1200);
        var seen = new ArrayList<Integer>();
        f.submissions().forEach(s -> {
            if (s.record().id().equals("s" + s.line())) seen.add(s.line());
        });
        assertThat(seen).hasSize(1200).startsWith(1, 2).endsWith(1202, 1203);
    }

    @Test
    void a_line_longer_than_a_mebibyte_is_refused_without_reading_it_whole() throws Exception {
        var huge = LedgerCliTest.statement("big", "north").replace("\"act\":\"acceptance\"", "\"act\":\"acceptance\",\"note\":\"" + "x".repeat(1 << 20) + "\"");
        var f = file("big.jsonl", LedgerCliTest.statement("s1", "north") + "\n" + huge + "\n" + LedgerCliTest.statement("s3", "north") + "\n");
        assertThatThrownBy(f::check).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.render()).endsWith("big.jsonl:2:1: line is longer than 1 MiB (one record a line; put long texts behind a source URL)")));
    }

    @Test
    void invalid_utf8_is_a_problem_at_its_line_and_column_and_the_rest_is_still_checked() throws Exception {
        var lines = new ArrayList<String>();
        for (int i = 1; i <= 1200; i++) lines.add(LedgerCliTest.statement("s" + i, "north"));
        lines.set(1099, "{not json");
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            bytes.write(line, 0, i == 1006 ? 7 : line.length);
            if (i == 1006) {
                bytes.write(0xC3);   // a lead byte without its continuation, after 7 characters of line 1007
                bytes.write(line, 7, line.length - 7);
            }
            bytes.write('\n');
        }
        var f = new RecordFile(new SubmissionReader(new EventsReader()), Files.write(dir.resolve("bad.jsonl"), bytes.toByteArray()));
        assertThatThrownBy(f::check).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(Problem::render).satisfiesExactly(
                        p -> assertThat(p).isEqualTo(dir.resolve("bad.jsonl") + ":1007:8: not valid UTF-8 (byte 0xC3) (save the file as UTF-8)"),
                        p -> assertThat(p).startsWith(dir.resolve("bad.jsonl") + ":1100:2: not valid JSON: ")));
    }
}
