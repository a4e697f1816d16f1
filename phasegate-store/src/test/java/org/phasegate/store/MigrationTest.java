package org.phasegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A database created with V1 (as first merged) keeps its users' keys through V2. */
class MigrationTest {
    @Test
    void v1_users_keep_their_keys_after_v2() throws Exception {
        var pg = TestDb.server();
        try (var c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"); var st = c.createStatement()) {
            st.execute("CREATE DATABASE migrate_v1");
        }
        var url = pg.getJdbcUrl("postgres", "migrate_v1");
        Flyway.configure().dataSource(url, "postgres", "postgres").target("1").load().migrate();
        try (var c = DriverManager.getConnection(url, "postgres", "postgres"); var st = c.createStatement()) {
            st.execute("BEGIN");
            st.execute("INSERT INTO ledger_entry VALUES (1, 'user.add', 'root', now(), '{}', '\\x00', '\\x01', '\\x02')");
            st.execute("INSERT INTO app_user VALUES ('root', 'admin', 'CC', '\\xaa', 1)");
            st.execute("INSERT INTO user_key VALUES ('root', '\\x0b', '\\x0c', NULL)");
            st.execute("COMMIT");
        }
        try (var db = Database.onServer(pg, "migrate_v1"); var c = db.ownerConnection(); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT k.seq, p.public_key FROM user_key k JOIN user_public_key p ON p.name = k.name")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.getBytes(2)).containsExactly(0xaa);
            }
        }
    }
}
