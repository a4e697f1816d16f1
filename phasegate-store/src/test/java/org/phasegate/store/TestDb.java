package org.phasegate.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL server per test JVM; each test class gets its own fresh database on it. */
public final class TestDb {
    private static EmbeddedPostgres server;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestDb() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new, empty, migrated database. */
    public static Database fresh() {
        var pg = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (var c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
             var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.onServer(pg, name);
    }
}
