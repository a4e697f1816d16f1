package org.phasegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Role;
import org.phasegate.store.crypto.DataKey;

/** Rotating the data key re-seals everything under the new key, keeps pseudonyms, and leaves the old key useless. */
class DataKeyRotationTest {
    private static final DataKey NEW = DataKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    @Test
    void after_a_rotation_only_the_new_key_opens_keys_parts_and_pseudonyms_stay() {
        var db = TestDb.fresh();
        try (var old = new Store(db, Fixtures.KEY, Fixtures.CLOCK, Fixtures.RULE, 64)) {
            old.users().add(Optional.empty(), "root", Role.ADMIN, "CC", PASSWORD);
            var root = old.users().actor("root", PASSWORD);
            old.users().add(Optional.of(root), "mona", Role.MONITOR, "CC", PASSWORD);
            var mona = old.users().actor("mona", PASSWORD);
            old.records().add(mona, Fixtures.parse(Fixtures.incident("c-1", ",\"confidentiality\":\"confidential\",\"confidential\":{\"site\":\"S\"}")));
            var pseudonym = old.registry().enrol(mona, "GZ-77", List.of());
            var kept = old.tokens().create("mona", PASSWORD, "kept", Set.of("write"), Duration.ofDays(30));
            var revoked = old.tokens().create("mona", PASSWORD, "revoked", Set.of("read"), Duration.ofDays(30));
            old.tokens().revoke("root", revoked.token().id());

            var counts = DataKeyRotation.run(db, Fixtures.KEY, NEW, root, Fixtures.CLOCK, 64);
            assertThat(counts.userKeys()).isEqualTo(2);
            assertThat(counts.confidentialParts()).isEqualTo(1);
            assertThat(counts.apiTokens()).isEqualTo(2);

            var stale = new Store(db, Fixtures.KEY, Fixtures.CLOCK, Fixtures.RULE, 64);
            assertThatThrownBy(() -> stale.users().actor("root", PASSWORD)).hasMessageContaining("set up with another data key");
            var fresh = new Store(db, NEW, Fixtures.CLOCK, Fixtures.RULE, 64);
            var root2 = fresh.users().actor("root", PASSWORD);
            assertThat(fresh.records().disclose(root2, "c-1", "after rotation").json()).isEqualTo("{\"site\":\"S\"}");
            assertThat(fresh.registry().pseudonym("GZ-77")).isEqualTo(pseudonym);
            assertThatThrownBy(() -> fresh.registry().enrol(fresh.users().actor("mona", PASSWORD), "gz 77", List.of()))
                    .hasMessageContaining("already enrolled");
            var opened = fresh.tokens().open(kept.secret()).orElseThrow();
            assertThat(opened.actor().name()).isEqualTo("mona");
            fresh.records().add(opened.actor(), Fixtures.parse(Fixtures.incident("by-token", "")));   // signs with the key the token holds
            assertThat(fresh.tokens().open(revoked.secret())).isEmpty();
            assertThat(fresh.tokens().find(revoked.token().id()).orElseThrow().revoked()).isPresent();
            assertThat(stale.tokens().open(kept.secret())).isEmpty();
            assertThat(fresh.ledger().verify().ok()).isTrue();
            assertThatThrownBy(() -> DataKeyRotation.run(db, Fixtures.KEY, NEW, root2, Fixtures.CLOCK, 64))
                    .hasMessageContaining("the current data key does not open").hasMessageContaining("nothing was changed");
            assertThat(fresh.users().actor("mona", PASSWORD).name()).isEqualTo("mona");
        }
    }

    @Test
    void sealed_rows_may_be_resealed_but_not_otherwise_changed_even_by_the_owner() throws Exception {
        try (var s = Fixtures.store(); var c = s.database().ownerConnection(); var st = c.createStatement()) {
            s.users().add(Optional.empty(), "root", Role.ADMIN, "CC", PASSWORD);
            assertThatThrownBy(() -> st.execute("UPDATE user_key SET password_hash = 'x'")).hasMessageContaining("only allows re-sealing");
            assertThatThrownBy(() -> st.execute("DELETE FROM user_key")).hasMessageContaining("only allows re-sealing");
            st.execute("UPDATE user_key SET nonce = nonce");
        }
    }
}
