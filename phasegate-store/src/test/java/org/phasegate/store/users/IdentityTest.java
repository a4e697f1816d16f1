package org.phasegate.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.PASSWORD;
import static org.phasegate.store.Fixtures.as;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Role;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/** Passwords, password-sealed signing keys, deactivation and key resets, on the real server. */
class IdentityTest {
    private static Store store;

    @BeforeAll
    static void start() {
        store = Fixtures.storeWithCast();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void a_user_needs_a_password_of_at_least_twelve_characters() {
        var root = Optional.of(as(store, "root"));
        assertThatThrownBy(() -> store.users().add(root, "pat", Role.MONITOR, "UNOPS", null))
                .hasMessage("no password: give one in PHASEGATE_NEW_PASSWORD (at least 12 characters)");
        assertThatThrownBy(() -> store.users().add(root, "pat", Role.MONITOR, "UNOPS", "elevenchars"))
                .hasMessage("the password in PHASEGATE_NEW_PASSWORD has 11 characters; it needs at least 12");
        assertThat(store.users().list()).extracting(Users.User::name).doesNotContain("pat");
    }

    @Test
    void the_data_key_alone_does_not_yield_a_signing_key() {
        var mona = store.users().list().stream().filter(u -> u.name().equals("mona")).findFirst().orElseThrow();
        byte[][] row = Tx.run(store.database().dataSource(), c -> {
            try (var ps = c.prepareStatement("SELECT k.nonce, k.private_key, u.public_key FROM user_key k JOIN app_user u USING (name) WHERE name = ?")) {
                ps.setString(1, mona.name());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return new byte[][] {rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)};
                }
            }
        });
        var outer = Fixtures.KEY.open(new DataKey.Sealed(row[0], row[1]), KeySeal.aad("mona"));
        for (int i = 0; i + 32 <= outer.length; i++) {   // no 32 bytes of what the data key opens are mona's private key
            var candidate = new Ed25519PrivateKeyParameters(Arrays.copyOfRange(outer, i, i + 32), 0);
            assertThat(candidate.generatePublicKey().getEncoded()).isNotEqualTo(row[2]);
        }
        assertThat(outer).hasSize(12 + 32 + 16);   // nonce, key and tag of the inner, password-sealed layer
    }

    @Test
    void a_wrong_password_is_refused_and_recorded() {
        long before = store.users().failedSignIns("omar");
        assertThatThrownBy(() -> store.users().actor("omar", "not omar's password")).isInstanceOf(WrongPassword.class)
                .hasMessage("wrong password for omar (this attempt was recorded)");
        assertThatThrownBy(() -> store.users().actor("omar", null)).hasMessageContaining("needs their password in PHASEGATE_PASSWORD");
        assertThat(store.users().failedSignIns("omar")).isEqualTo(before + 2);
    }

    @Test
    void an_admin_resets_a_key_with_a_new_password_and_the_old_one_stops_working() {
        var root = as(store, "root");
        store.users().add(Optional.of(root), "rita", Role.MONITOR, "ICRC", PASSWORD);
        store.users().rotateKey(root, "rita", "a brand new passphrase");
        assertThatThrownBy(() -> store.users().actor("rita", PASSWORD)).isInstanceOf(WrongPassword.class);
        assertThat(store.users().actor("rita", "a brand new passphrase").org()).isEqualTo("ICRC");
        assertThat(store.ledger().verify().ok()).isTrue();
    }

    @Test
    void a_deactivated_user_cannot_act_and_what_they_sign_afterwards_does_not_verify() {
        try (var s = Fixtures.store()) {   // its own store: this test leaves a forged entry behind
            s.users().add(Optional.empty(), "root", Role.ADMIN, "CC", PASSWORD);
            var root = s.users().actor("root", PASSWORD);
            s.users().add(Optional.of(root), "dan", Role.MONITOR, "CC", PASSWORD);
            var dan = s.users().actor("dan", PASSWORD);
            assertThatThrownBy(() -> s.users().deactivate(dan, "root", "coup")).hasMessageContaining("only admins deactivate users");
            assertThatThrownBy(() -> s.users().deactivate(root, "root", "oops")).hasMessageContaining("root is the last active admin");
            long at = s.users().deactivate(root, "dan", "left the mission");
            assertThatThrownBy(() -> s.users().actor("dan", PASSWORD)).hasMessage("user 'dan' is deactivated and cannot act");
            assertThat(s.users().list()).filteredOn(u -> u.name().equals("dan")).singleElement().satisfies(u -> assertThat(u.active()).isFalse());
            assertThat(s.ledger().verify().ok()).isTrue();

            long forged = Tx.run(s.database().dataSource(), c -> {   // dan's key, unlocked before, signs on
                var a = Appender.begin(c, 64);
                long seq = a.append(Kinds.BENCH, dan, Canonical.object().put("i", 1), Fixtures.CLOCK.instant());
                a.flush();
                return seq;
            });
            var bad = s.ledger().verify().firstBad().orElseThrow();
            assertThat(bad.seq()).isEqualTo(forged);
            assertThat(bad.reason()).isEqualTo("signed by 'dan', who was deactivated at entry " + at);
        }
    }

    @Test
    void a_user_is_added_only_in_a_registered_organisation() {
        var root = as(store, "root");
        assertThatThrownBy(() -> store.users().add(Optional.of(root), "uma", Role.MONITOR, "UNDP", PASSWORD)).isInstanceOf(StoreException.class)
                .hasMessageContaining("no organisation 'UNDP' is registered (registered: Coordination Centre, UNOPS, ICRC")
                .hasMessageContaining("phasegate org add 'UNDP' --as ADMIN");
        var uma = store.users().add(Optional.of(root), "uma", Role.MONITOR, "  unops ", PASSWORD);
        assertThat(uma.org()).isEqualTo("UNOPS");
    }
}
