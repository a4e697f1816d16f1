package org.phasegate.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.evidence.Role;
import org.phasegate.store.Database;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.Tx;

/**
 * A process killed in the middle of a batch leaves none of it: a child JVM appends half a batch (flushed to the
 * server, not committed), says so, and is killed with SIGKILL; a batch that runs to the end lands whole.
 */
class KilledMidBatchTest {
    private static Store store;

    @BeforeAll
    static void start() {
        store = Fixtures.store();
        store.users().add(Optional.empty(), "root", Role.ADMIN, "CC", Fixtures.PASSWORD);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void a_killed_batch_leaves_nothing_and_a_finished_one_everything() throws Exception {
        long before = store.ledger().size();
        var child = child("hang");
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("MIDWAY");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.ledger().size()).isEqualTo(before);
        assertThat(store.ledger().verify().ok()).isTrue();

        var finished = child("finish");
        assertThat(finished.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.exitValue()).isZero();
        assertThat(store.ledger().size()).isGreaterThanOrEqualTo(before + 2000);
        assertThat(store.ledger().verify().ok()).isTrue();
    }

    private static Process child(String mode) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var url = store.database().url();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(), url, mode))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Appends a batch of 2,000 entries as root; in "hang" mode it stops halfway, flushed but not committed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (var db = Database.external(args[0], "postgres", "postgres")) {
                var root = new Store(db, Fixtures.KEY, Fixtures.CLOCK, Fixtures.RULE, 64).users().actor("root", Fixtures.PASSWORD);
                Tx.run(db.dataSource(), c -> {
                    var a = Appender.begin(c, 64);
                    for (int i = 0; i < 2000; i++) {
                        a.append(Kinds.BENCH, root, Canonical.object().put("i", i), Fixtures.CLOCK.instant());
                        if (i == 1000 && args[1].equals("hang")) {
                            a.flush();
                            System.out.println("MIDWAY");
                            System.out.flush();
                            java.util.concurrent.locks.LockSupport.parkNanos(600_000_000_000L);
                        }
                    }
                    a.flush();
                    return null;
                });
            }
        }
    }
}
