package org.phasegate.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;
import org.phasegate.store.StoreException;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Ed25519;

/** The ledger's formats and parsers: canonical JSON, export lines, data keys. */
class FormatPropertiesTest {
    static LongStream seeds() {
        return Gen.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void quoting_matches_the_canonical_json_writer(long seed) {
        var s = Gen.text(new SplittableRandom(seed), 60);
        assertThat(Canonical.quote(s)).as("seed %d", seed).isEqualTo(Canonical.json(Canonical.text(s)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void canonical_json_is_a_fixed_point_whatever_the_key_order(long seed) {
        var random = new SplittableRandom(seed);
        var fields = new LinkedHashMap<String, String>();
        int size = random.nextInt(9);
        for (int i = 0; i < size; i++) fields.put(Gen.text(random, 8), Gen.text(random, 20));
        var forward = Canonical.object();
        fields.forEach(forward::put);
        var text = Canonical.json(forward);
        assertThat(Canonical.json(Canonical.parse(text))).as("seed %d", seed).isEqualTo(text);
        var reversed = Canonical.object();
        fields.keySet().stream().sorted(Comparator.reverseOrder()).forEach(k -> reversed.put(k, fields.get(k)));
        assertThat(Canonical.json(reversed)).as("seed %d", seed).isEqualTo(text);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void an_exported_line_reads_back_as_the_same_entry(long seed) {
        var random = new SplittableRandom(seed);
        long seq = random.nextLong(1, Long.MAX_VALUE);
        var kind = encodable(Gen.text(random, 20));
        var actor = encodable(Gen.text(random, 20));
        var payload = Canonical.json(Canonical.object().put("note", encodable(Gen.text(random, 40))));
        var at = Entry.truncate(Instant.ofEpochSecond(random.nextLong(0, 4_000_000_001L), 123_456_789));
        var signer = new Ed25519.Signer(new byte[32]);
        var hash = org.phasegate.store.crypto.Hashes.sha256(Entry.body(seq, kind, actor, at, payload, Entry.genesis()));
        var e = new Entry(seq, kind, actor, at, payload, Entry.genesis(), hash, signer.sign(hash));
        var back = Ledger.entries("export", new java.io.ByteArrayInputStream(Ledger.toLine(e).getBytes(java.nio.charset.StandardCharsets.UTF_8))).next();
        assertThat(back).as("seed %d", seed).usingRecursiveComparison().isEqualTo(e);
        assertThat(back.computeHash()).isEqualTo(hash);
    }

    /** Without lone surrogates: the export is UTF-8 bytes, which cannot hold one (and no store name or kind has one). */
    private static String encodable(String text) {
        return text.codePoints().filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void any_other_line_is_refused_with_its_line_number(long seed) {
        var line = Gen.text(new SplittableRandom(seed), 120).replaceAll("[\\n\\r]", " ");
        var text = "\n".repeat(6) + line + "\n";
        try {
            var entries = Ledger.entries("export", new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(entries.hasNext()).as("seed %d: a blank or // comment line holds no entry", seed).isFalse();
            assertThat(line.strip()).as("seed %d", seed).matches("(?s)|//.*");
        } catch (org.phasegate.problem.InvalidInputException expected) {
            assertThat(expected.problems()).as("seed %d", seed).allSatisfy(p -> assertThat(p.render()).startsWith("export:7:"));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_data_key_is_32_bytes_of_base64_or_a_clear_refusal(long seed) {
        try {
            DataKey.fromBase64(Gen.text(new SplittableRandom(seed), 60));
        } catch (StoreException expected) {
            assertThat(expected.getMessage()).as("seed %d", seed).contains("data key");
        }
        assertThatThrownBy(() -> DataKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
