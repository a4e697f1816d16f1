package org.phasegate.store.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import's set of source ids against a map of strings, on seeded sequences of ids drawn from a small alphabet (so
 * ids repeat, some only after the table has grown), once with the real hash and once with a hash that makes every id
 * collide, so that only the byte-for-byte check tells them apart. The seed is in each case's name.
 */
class SeenIdsTest {
    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gives_the_first_line_of_a_repeated_id_as_a_map_does(long seed) {
        agree(seed, new SeenIds(), 6_000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tells_colliding_ids_apart_by_their_bytes(long seed) {
        ToLongFunction<byte[]> everyIdOneHash = id -> 42;
        agree(seed, new SeenIds(everyIdOneHash), 300);
    }

    private static void agree(long seed, SeenIds seen, int ids) {
        var random = new SplittableRandom(seed);
        var expected = new HashMap<String, Long>();
        for (long line = 1; line <= ids; line++) {
            var id = id(random);
            var before = expected.putIfAbsent(id, line);
            assertThat(seen.putIfAbsent(id.getBytes(StandardCharsets.UTF_8), line)).as("seed %d, line %d, id '%s'", seed, line, id)
                    .isEqualTo(before == null ? -1 : before);
        }
    }

    /** Short ids over a few letters, one a prefix of another ("a", "ab"), non-ASCII, sometimes long enough to fill chunks fast. */
    private static String id(SplittableRandom r) {
        int length = r.nextInt(8) == 0 ? r.nextInt(200, 1_000) : r.nextInt(0, 5);
        var s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append("abé中0|".charAt(r.nextInt(6)));
        return s.toString();
    }
}
