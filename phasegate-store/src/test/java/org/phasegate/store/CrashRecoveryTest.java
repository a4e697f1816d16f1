package org.phasegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.PASSWORD;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.evidence.Role;

/**
 * The embedded server after a command is killed with SIGKILL (a child JVM holding the store): while it lives, a
 * second command is told another holds the store; after, the server it left running lets nobody in without the
 * owner's password, and the next command stops it and starts cleanly, durable, with everything committed.
 */
class CrashRecoveryTest {
    @Test
    void a_killed_command_leaves_no_open_server_and_the_next_one_starts_cleanly(@TempDir Path dir) throws Exception {
        var data = dir.resolve("data");
        try (var db = Database.embedded(data); var store = new Store(db, Fixtures.KEY, Fixtures.CLOCK, Fixtures.RULE, 64)) {
            store.users().add(Optional.empty(), "root", Role.ADMIN, "CC", PASSWORD);
        }
        var child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Holder.class.getName(), data.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("HOLDING");
            assertThatThrownBy(() -> Database.embedded(data, false, Duration.ofMillis(300))).isInstanceOf(StoreUnavailable.class)
                    .hasMessage("another phasegate command is using the store in " + data + " (waited 0 s); try again when it has finished");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        var pid = Files.readAllLines(data.resolve("pg/postmaster.pid"));
        var orphan = ProcessHandle.of(Long.parseLong(pid.get(0).strip()));
        assertThat(orphan).as("the killed command's server is still running").isPresent();
        var url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");

        try (var db = Database.embedded(data, false, Duration.ofSeconds(30)); var c = db.ownerConnection(); var st = c.createStatement()) {
            assertThat(orphan.get().isAlive()).isFalse();
            for (var setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var rs = st.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
            var store = new Store(db, Fixtures.KEY, Fixtures.CLOCK, Fixtures.RULE, 64);
            assertThat(store.users().actor("root", PASSWORD).role()).isEqualTo(Role.ADMIN);
            assertThat(store.ledger().verify().ok()).isTrue();
        }
    }

    /** Opens the store, says so, and holds it until killed. */
    public static final class Holder {
        public static void main(String[] args) {
            var db = Database.embedded(Path.of(args[0]), false, Duration.ofSeconds(30));
            System.out.println("HOLDING");
            System.out.flush();
            java.util.concurrent.locks.LockSupport.parkNanos(600_000_000_000L);
            db.close();
        }
    }
}
