package org.phasegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.evidence.Role;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Ledger;
import org.phasegate.store.users.Users;

/** The default embedded server keeps its data in a directory across stop and start. */
class EmbeddedRestartTest {
    @Test
    void stopping_and_restarting_loses_nothing(@TempDir Path dir) {
        var key = new DataKey(new byte[32]);
        var data = dir.resolve("phasegate-data");
        try (var db = Database.embedded(data)) {
            var users = new Users(db.dataSource(), key, Clock.systemUTC(), 1024);
            users.add(Optional.empty(), "root", Role.ADMIN, "CC", Optional.of("correct horse"));
            users.add(Optional.of(users.actor("root")), "mona", Role.MONITOR, "UNOPS", Optional.empty());
            users.add(Optional.of(users.actor("root")), "nina", Role.MONITOR, "ICRC", Optional.empty());
            var store = new Store(db, key, Clock.systemUTC(), Fixtures.RULE, 1024);
            store.records().add(users.actor("mona"), Fixtures.parse(Fixtures.incident("kept", ",\"confidentiality\":\"confidential\",\"confidential\":{\"x\":1}")));
            store.records().attest(users.actor("nina"), "kept");
        }
        try (var db = Database.embedded(data)) {
            var users = new Users(db.dataSource(), key, Clock.systemUTC(), 1024);
            assertThat(users.list()).extracting(Users.User::name).containsExactly("root", "mona", "nina");
            assertThat(users.checkPassword("root", "correct horse")).isTrue();
            assertThat(users.checkPassword("root", "wrong")).isFalse();
            assertThat(users.hasPassword("root")).isTrue();
            assertThat(users.hasPassword("mona")).isFalse();
            assertThat(users.actor("mona").role()).isEqualTo(Role.MONITOR);
            var report = new Ledger(db.dataSource()).verify();
            assertThat(report.ok()).isTrue();
            assertThat(report.entries()).isEqualTo(5);
            var records = new Store(db, key, Clock.systemUTC(), Fixtures.RULE, 1024).records();
            assertThat(records.list(Role.ADMIN, v -> true)).singleElement().satisfies(v -> assertThat(v.attestations()).hasSize(1));
            assertThat(records.disclose(users.actor("root"), "kept", "restart check").json()).isEqualTo("{\"x\":1}");
        }
    }
}
