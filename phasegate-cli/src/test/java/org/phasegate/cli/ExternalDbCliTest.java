package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --db: any PostgreSQL by JDBC URL (here a separately started server), migrated on first use. */
class ExternalDbCliTest {
    @Test
    void commands_work_against_a_server_given_by_url(@TempDir Path dir) throws Exception {
        var key = dir.resolve("data.key");
        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
        try (var pg = EmbeddedPostgres.builder().start()) {
            var url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres&password=postgres";
            assertThat(CliTest.run("user", "add", "root", "--role", "admin", "--org", "CC", "--db", url, "--key-file", key.toString()).exit()).isZero();
            assertThat(CliTest.run("ledger", "verify", "--db", url, "--key-file", key.toString()).out()).contains("ledger OK: 1 entries");
            var wrong = CliTest.run("ledger", "verify", "--db", url.replace("password=postgres", "password=nope").replace(
                    String.valueOf(pg.getPort()), "1"), "--key-file", key.toString());
            assertThat(wrong.exit()).isEqualTo(1);   // a database that cannot be reached is not bad input (issue 11)
            assertThat(wrong.err()).startsWith("phasegate: cannot use the database jdbc:postgresql://localhost:1/postgres?user=postgres&password=***")
                    .doesNotContain("nope", "\tat ");
        }
    }
}
