package org.phasegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.PASSWORD;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.evidence.Role;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.users.Users;
import org.phasegate.store.users.WrongPassword;

/** The default embedded server keeps its data in a directory across stop and start. */
class EmbeddedRestartTest {
    @Test
    void stopping_and_restarting_loses_nothing(@TempDir Path dir) {
        var key = new DataKey(new byte[32]);
        var data = dir.resolve("phasegate-data");
        try (var db = Database.embedded(data)) {
            var store = new Store(db, key, Clock.systemUTC(), Fixtures.RULE, 1024);
            var users = store.users();
            users.add(Optional.empty(), "root", Role.ADMIN, "CC", PASSWORD);
            var root = users.actor("root", PASSWORD);
            store.organisations().add(root, "UNOPS");
            store.organisations().add(root, "ICRC");
            users.add(Optional.of(root), "mona", Role.MONITOR, "UNOPS", PASSWORD);
            users.add(Optional.of(root), "nina", Role.MONITOR, "ICRC", "another long password");
            store.records().add(users.actor("mona", PASSWORD), Fixtures.parse(Fixtures.incident("kept", ",\"confidentiality\":\"confidential\",\"confidential\":{\"x\":1}")));
            store.records().attest(users.actor("nina", "another long password"), "kept");
        }
        try (var db = Database.embedded(data, false, Database.LOCK_WAIT)) {
            var store = new Store(db, key, Clock.systemUTC(), Fixtures.RULE, 1024);
            var users = store.users();
            assertThat(users.list()).extracting(Users.User::name).containsExactly("root", "mona", "nina");
            assertThatThrownBy(() -> users.actor("nina", PASSWORD)).isInstanceOf(WrongPassword.class).hasMessage("wrong password for nina (this attempt was recorded)");
            assertThat(users.failedSignIns("nina")).isEqualTo(1);
            assertThat(users.actor("mona", PASSWORD).role()).isEqualTo(Role.MONITOR);
            var report = store.ledger().verify();
            assertThat(report.ok()).isTrue();
            assertThat(report.entries()).isEqualTo(7);
            var root = users.actor("root", PASSWORD);
            assertThat(store.records().list(Optional.of(root), v -> true)).singleElement().satisfies(v -> assertThat(v.attestations()).hasSize(1));
            assertThat(store.records().disclose(root, "kept", "restart check").json()).isEqualTo("{\"x\":1}");
        }
    }
}
