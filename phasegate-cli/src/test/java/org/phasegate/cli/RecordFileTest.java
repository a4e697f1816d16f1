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
}
