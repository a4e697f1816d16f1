package org.phasegate.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded PostgreSQL of a data directory, started durable and locked down. Zonky starts the server with
 * {@code -F} (no fsync) and {@code synchronous_commit=off}, and initialises it with trust authentication, so anyone
 * on the machine may log in as the superuser while it runs (and an orphaned server keeps running after a kill -9).
 * Here {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are turned back on (later {@code -c}
 * options win over {@code -F}), the superuser gets a random password kept owner-only in the data directory, and
 * pg_hba.conf requires it (scram-sha-256); a server left running by a killed command is stopped before starting.
 * New stores keep the server's files in {@code DIR/pg} (the lock and the password file sit beside them); stores made
 * before keep them in {@code DIR} itself.
 */
final class EmbeddedServer {
    static final String SECRET_FILE = "owner.secret";
    private static final List<String> HBA = List.of(
            "# phasegate: every login needs the owner's password (see owner.secret beside this server's directory)",
            "local all all scram-sha-256", "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256");

    record Started(EmbeddedPostgres pg, String password) {
    }

    private EmbeddedServer() {
    }

    /** Where the server's files are: {@code DIR} for stores made before the layout changed, else {@code DIR/pg}. */
    static Path serverDir(Path dataDir) {
        return Files.exists(dataDir.resolve("PG_VERSION")) ? dataDir : dataDir.resolve("pg");
    }

    /** Whether the directory holds a store (an initialised server). */
    static boolean holdsStore(Path dataDir) {
        return Files.exists(serverDir(dataDir).resolve("PG_VERSION"));
    }

    static Started start(Path dataDir, Consumer<String> say) throws IOException {
        var pgDir = serverDir(dataDir);
        stopOrphan(pgDir, say);
        var password = secret(dataDir.resolve(SECRET_FILE));
        var pg = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setConnectConfig("password", password).setPGStartupWait(Duration.ofSeconds(60)).start();
        if (trusts(pgDir)) lockDown(pg, pgDir, password);
        return new Started(pg, password);
    }

    /** Stops a server on this directory whose command was killed; a stale pid file of a dead server the server handles itself. */
    private static void stopOrphan(Path pgDir, Consumer<String> say) throws IOException {
        var pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException unreadable) {
            return;
        }
        var orphan = ProcessHandle.of(pid).filter(p -> p.info().arguments().map(a -> List.of(a).contains(pgDir.toString())).orElse(false));
        if (orphan.isEmpty()) return;
        say.accept("phasegate: stopping the database server (pid " + pid + ") left running by an interrupted command");
        orphan.get().destroy();   // SIGTERM: a smart shutdown; its clients died with the killed command
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            orphan.get().destroyForcibly();
            orphan.get().onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
    }

    /** The owner's password, created (owner-only, before anything is written to it) on first use. */
    private static String secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            var bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static boolean trusts(Path pgDir) throws IOException {
        return Files.readAllLines(pgDir.resolve("pg_hba.conf")).stream().map(String::strip)
                .anyMatch(l -> !l.startsWith("#") && l.matches(".*\\btrust\\b.*"));
    }

    /** Gives the superuser the password, then makes every login need it. */
    private static void lockDown(EmbeddedPostgres pg, Path pgDir, String password) throws IOException {
        try (var c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", password); var st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE postgres PASSWORD '" + password + "'");   // base64url: no quote can occur
            Files.write(pgDir.resolve("pg_hba.conf"), HBA);
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the database owner's password: " + e.getMessage(), e);
        }
    }
}
