package org.phasegate.store.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.store.Fixtures;
import org.phasegate.Gen;
import org.phasegate.store.ledger.Canonical;

/** Identity document numbers as typed by people: formatting never changes the pseudonym; a different number does. */
class PseudonymPropertiesTest {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final Registry registry = new Registry(null, Fixtures.KEY, Clock.systemUTC(), 0);

    static LongStream seeds() {
        return Gen.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spaces_dashes_and_case_do_not_change_the_pseudonym(long seed) {
        var number = Gen.text(new SplittableRandom(seed), ALNUM, 1, 20);
        var spaced = String.join(" ", number.split("")).toLowerCase();
        var dashed = number.replaceAll("(.{3})", "$1-").toUpperCase();
        assertThat(registry.pseudonym(spaced)).as("seed %d: %s", seed, number)
                .isEqualTo(registry.pseudonym(number)).isEqualTo(registry.pseudonym(dashed));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void different_numbers_get_different_pseudonyms(long seed) {
        var number = Gen.text(new SplittableRandom(seed), "0123456789", 4, 12);
        assertThat(registry.pseudonym(number + "1")).as("seed %d", seed).isNotEqualTo(registry.pseudonym(number + "2"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void double_dipping_finds_every_weapon_claimed_twice(long seed) {
        var random = new SplittableRandom(seed);
        var serialTag = Gen.text(random, ALPHA, 1, 8);
        boolean sameParticipant = random.nextBoolean();
        var detail = Canonical.parse("{\"serials\":[" + Canonical.quote(serialTag) + "]}");
        var events = List.of(new RegistryEvent(1, "P-a", "handin", detail),
                new RegistryEvent(2, sameParticipant ? "P-a" : "P-b", "handin", detail));
        assertThat(DoubleDipping.find(events)).as("seed %d", seed).filteredOn(f -> f.kind().equals("same-weapon")).singleElement()
                .satisfies(f -> assertThat(f.entries()).containsExactly(1L, 2L));
    }
}
