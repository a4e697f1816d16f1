package org.phasegate.store.users;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Argon2id hashes in PHC format: the right password verifies, others and malformed hashes do not. */
class PasswordsTest {
    @Property(tries = 8)
    void a_password_verifies_against_its_own_hash_only(@ForAll String password) {
        var phc = Passwords.hash(password);
        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.verify(password, phc)).isTrue();
        assertThat(Passwords.verify(password + "x", phc)).isFalse();
    }

    @Property
    void a_malformed_hash_never_verifies(@ForAll String phc) {
        assertThat(Passwords.verify("pw", phc)).isFalse();
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=1,t$x$y")).isFalse();
    }

    @Test
    void salts_differ() {
        assertThat(Passwords.hash("same")).isNotEqualTo(Passwords.hash("same"));
    }
}
