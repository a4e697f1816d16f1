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

    /** Starts (initialising on first use) an embedded server whose data lives in {@code dataDir}. */
    public static Database embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage()
                    + " (choose a folder you may write to with --data-dir)", e);
        }
        try {
            var pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
            return new Database(Optional.of(pg), pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new StoreException("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage()
                    + " (is another phasegate using this data directory?)", e);
        }
    }

    /** Connects to an existing database; the user must own the schema (to migrate) and be a member of phasegate_app. */
    public static Database external(String url, String user, String password) {
        try {
            return new Database(Optional.empty(), url, user, password);
        } catch (RuntimeException e) {
            var why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new StoreException("cannot use the database " + url.replaceAll("password=[^&]*", "password=***") + ": " + why
                    + " (credentials in PHASEGATE_DB_USER / PHASEGATE_DB_PASSWORD)", e);
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
        embedded.ifPresent(pg -> {
            try {
                pg.close();
            } catch (IOException e) {
                throw new StoreException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
            }
        });
    }
}
