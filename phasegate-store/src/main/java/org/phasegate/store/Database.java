package org.phasegate.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A migrated PostgreSQL database: the embedded server (data in a directory that survives restarts) or any server by
 * JDBC URL. Application connections work as role {@code phasegate_app}, which may only read and insert.
 */
public final class Database implements AutoCloseable {
    private final Optional<EmbeddedPostgres> embedded;
    private final String url;
    private final String user;
    private final String password;
    private final HikariDataSource pool;
    private Optional<StoreLock> lock = Optional.empty();

    private Database(Optional<EmbeddedPostgres> embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
        Flyway.configure().dataSource(url, user, password).load().migrate();
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setConnectionInitSql("SET ROLE phasegate_app");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName("phasegate");
        this.pool = new HikariDataSource(config);
    }

    /** How long a command waits for another one holding the same data directory. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    /** Starts (initialising on first use) an embedded server whose data lives in {@code dataDir}. */
    public static Database embedded(Path dataDir) {
        return embedded(dataDir, true, LOCK_WAIT);
    }

    /**
     * Starts the embedded server of {@code dataDir}, one command at a time (waiting at most {@code lockWait} for
     * another). Without {@code mayCreate}, a directory that holds no store is refused, and nothing is created.
     */
    public static Database embedded(Path dataDir, boolean mayCreate, Duration lockWait) {
        if (!mayCreate && !EmbeddedServer.holdsStore(dataDir)) throw new NoStore(dataDir);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage()
                    + " (choose a folder you may write to with --data-dir)", e);
        }
        var lock = StoreLock.acquire(dataDir, lockWait, System.err::println);
        try {
            var server = EmbeddedServer.start(dataDir, System.err::println);
            var db = new Database(Optional.of(server.pg()), server.pg().getJdbcUrl("postgres", "postgres"), "postgres", server.password());
            db.lock = Optional.of(lock);
            return db;
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof StoreException se) throw se;
            throw new StoreUnavailable("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage()
                    + " (see the server log in " + EmbeddedServer.serverDir(dataDir) + "/log, if any)", e);
        }
    }

    /** Whether this directory holds a store (an embedded server's files). */
    public static boolean holdsStore(Path dataDir) {
        return EmbeddedServer.holdsStore(dataDir);
    }

    /** Connects to an existing database; the user must own the schema (to migrate) and be a member of phasegate_app. */
    public static Database external(String url, String user, String password) {
        return external(url, user, password, true);
    }

    /** As {@link #external(String, String, String)}; without {@code mayCreate}, a database with no store is refused untouched. */
    public static Database external(String url, String user, String password, boolean mayCreate) {
        try {
            if (!mayCreate && !holdsStore(url, user, password)) throw new NoStore(url.replaceAll("password=[^&]*", "password=***"));
            return new Database(Optional.empty(), url, user, password);
        } catch (NoStore e) {
            throw e;
        } catch (RuntimeException e) {
            var why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new StoreException("cannot use the database " + url.replaceAll("password=[^&]*", "password=***") + ": " + why
                    + " (credentials in PHASEGATE_DB_USER / PHASEGATE_DB_PASSWORD)", e);
        }
    }

    private static boolean holdsStore(String url, String user, String password) {
        try (var c = DriverManager.getConnection(url, user, password); var st = c.createStatement();
             var rs = st.executeQuery("SELECT to_regclass('public.ledger_entry') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** A further database on a running embedded server; used to give each test class its own empty database. */
    public static Database onServer(EmbeddedPostgres pg, String dbName) {
        return new Database(Optional.empty(), pg.getJdbcUrl("postgres", dbName), "postgres", "postgres");
    }

    /** The JDBC URL (without credentials). */
    public String url() {
        return url;
    }

    /** Connections as the application role. */
    public DataSource dataSource() {
        return pool;
    }

    /** A connection as the owner (superuser for the embedded server); only for administration and tests. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        pool.close();
        try {
            embedded.ifPresent(pg -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    throw new StoreUnavailable("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
                }
            });
        } finally {
            lock.ifPresent(StoreLock::close);
        }
    }
}
