package org.phasegate.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.Mutator;

/**
 * The importers' byte-level CSV reader against an independent one, Jackson's CSV parser with its default schema (what
 * the importers used before): on generated files full of quotes, separators, line breaks of every kind, blank lines,
 * non-ASCII text and byte-order marks, then the same files mutated by {@link Mutator}, each fed in random small reads
 * so that every buffer boundary is crossed. Both must give the same records with the same lines, or both refuse the
 * file. Where they may differ, by design: bytes that are not strict UTF-8 (Jackson decodes some into other characters)
 * must be refused here, and a file that is only a byte-order mark gives no record here. The seed is in each case's name.
 */
class CsvRecordsTest {
    private static final CsvMapper JACKSON = CsvMapper.builder().build();
    private static final String ALPHABET = "ab1 ,,,\"\"\"\n\r\t;é中😀";

    static LongStream seeds() {
        return Gen.seeds(150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generated_files_read_as_jacksons_parser_reads_them(long seed) {
        var random = new SplittableRandom(seed);
        agree(seed, random.nextInt(4) == 0 ? soup(random) : csv(random), random);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutated_files_read_as_jacksons_parser_reads_them(long seed) {
        var random = new SplittableRandom(seed);
        agree(seed, Mutator.mutate(csv(random), random), random);
    }

    private static void agree(long seed, byte[] input, SplittableRandom random) {
        var expected = jackson(input);
        var actual = ours(input, random);
        var shown = new String(input, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
        if (!strictUtf8(input)) {
            assertThat(actual).as("seed %d: not UTF-8, must be refused: %s", seed, shown).last().isEqualTo("refused");
        } else if (Arrays.equals(input, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            assertThat(actual).as("seed %d", seed).isEmpty();
        } else {
            assertThat(actual).as("seed %d: %s", seed, shown).isEqualTo(expected);
        }
    }

    /** A CSV file: records of fields, some quoted (with doubled quotes), separators, line breaks and blank lines of every kind. */
    private static byte[] csv(SplittableRandom r) {
        var s = new StringBuilder(r.nextInt(5) == 0 ? "\uFEFF" : "");
        int records = r.nextInt(1, 12);
        for (int i = 0; i < records; i++) {
            int fields = r.nextInt(1, 6);
            for (int f = 0; f < fields; f++) {
                if (f > 0) s.append(',');
                var text = Gen.text(r, ALPHABET, 0, 12);
                if (r.nextBoolean()) s.append('"').append(text.replace("\"", "\"\"")).append('"').append(r.nextInt(6) == 0 ? " \t" : "");
                else s.append(text.replace("\"", "").replace(",", "").replace("\n", "").replace("\r", ""));
            }
            if (r.nextInt(6) == 0) s.append(',');
            if (i + 1 < records || r.nextBoolean()) s.append(Gen.oneOf(r, List.of("\n", "\r\n", "\r", "\n\n", "\r\n\r\n")));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text drawn from the alphabet of trouble alone: unbalanced quotes, text after closing quotes, and the rest. */
    private static byte[] soup(SplittableRandom r) {
        return Gen.text(r, ALPHABET, 0, 60).getBytes(StandardCharsets.UTF_8);
    }

    /** Each record as its line and fields; "refused" ends the list when the file is refused. */
    private static List<Object> jackson(byte[] input) {
        var out = new ArrayList<Object>();
        try (JsonParser p = JACKSON.createParser(new ByteArrayInputStream(input))) {
            List<String> fields = null;
            long line = -1;
            for (var t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    fields = new ArrayList<>();
                    line = -1;
                } else if (t == JsonToken.END_ARRAY) {
                    out.add(List.of(line < 0 ? p.currentTokenLocation().getLineNr() : line, fields));
                } else {
                    if (line < 0) line = p.currentTokenLocation().getLineNr();
                    fields.add(p.getText());
                }
            }
        } catch (JsonProcessingException | CharConversionException e) {
            out.add("refused");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static List<Object> ours(byte[] input, SplittableRandom random) {
        var out = new ArrayList<Object>();
        try {
            var records = new CsvRecords(new SmallReads(input, random.split()));
            for (var rec = records.next(); rec != null; rec = records.next()) out.add(List.of(rec.line(), List.of(rec.fields())));
        } catch (CsvRecords.Unreadable e) {
            out.add("refused");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static boolean strictUtf8(byte[] input) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Gives the bytes 1 to 7 at a time, so the reader's buffer runs dry inside fields, quotes and line breaks. */
    private static final class SmallReads extends InputStream {
        private final byte[] bytes;
        private final SplittableRandom random;
        private int at;

        SmallReads(byte[] bytes, SplittableRandom random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) return -1;
            int n = Math.min(Math.min(len, random.nextInt(1, 8)), bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
