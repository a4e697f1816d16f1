package org.phasegate.store.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;

/** Argon2id hashes in PHC format: the right password verifies, others and malformed hashes do not. */
class PasswordsTest {
    static LongStream few() {
        return Gen.seeds(8);
    }

    static LongStream many() {
        return Gen.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("few")
    void a_password_verifies_against_its_own_hash_only(long seed) {
        var password = Gen.text(new SplittableRandom(seed), 40);
        var phc = Passwords.hash(password);
        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.verify(password, phc)).as("seed %d", seed).isTrue();
        assertThat(Passwords.verify(password + "x", phc)).as("seed %d", seed).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("many")
    void a_malformed_hash_never_verifies(long seed) {
        var phc = Gen.text(new SplittableRandom(seed), 80);
        assertThat(Passwords.verify("pw", phc)).as("seed %d", seed).isFalse();
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=1,t$x$y")).isFalse();
    }

    @Test
    void salts_differ() {
        assertThat(Passwords.hash("same")).isNotEqualTo(Passwords.hash("same"));
    }
}
