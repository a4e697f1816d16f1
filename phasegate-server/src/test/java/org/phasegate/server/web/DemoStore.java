package org.phasegate.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.phasegate.evidence.Role;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Database;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.TestDb;

/**
 * The browser tests' database: the demo's data and the cast written once per test JVM (a few hundred Argon2id
 * hashes and signatures), then copied by PostgreSQL ({@code CREATE DATABASE ... TEMPLATE}) for each test class, so a
 * class that reports or attests changes only its own copy.
 */
final class DemoStore {
    private static final String TEMPLATE = "web_demo_" + ProcessHandle.current().pid();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static boolean written;

    private DemoStore() {
    }

    /** A fresh copy of the demo database, served as a store with this clock and the scenario's verification rule. */
    static synchronized Store copy(Scenario scenario, Path events, Clock clock) {
        if (!written) {
            sql("CREATE DATABASE " + TEMPLATE);
            try (var store = new Store(Database.onServer(TestDb.server(), TEMPLATE), Fixtures.KEY, clock, scenario.verification(), 64)) {
                write(store, scenario, events);
            }
            written = true;
        }
        var name = TEMPLATE + "_" + NEXT.incrementAndGet();
        sql("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new Store(Database.onServer(TestDb.server(), name), Fixtures.KEY, clock, scenario.verification(), 64);
    }

    /** The cast (see {@link Dashboard}), then the scenario's bundled evidence as the demo loads it. */
    private static void write(Store store, Scenario scenario, Path events) {
        var users = store.users();
        users.add(Optional.empty(), "root", Role.ADMIN, "Coordination Centre", Fixtures.PASSWORD);
        var root = users.actor("root", Fixtures.PASSWORD);
        for (var org : List.of("UNOPS", "ICRC", "EUBAM", "Board of Peace", "Kroc Institute")) store.organisations().add(root, org);
        users.add(Optional.of(root), "mona", Role.MONITOR, "UNOPS", Fixtures.PASSWORD);
        users.add(Optional.of(root), "nina", Role.MONITOR, "ICRC", Fixtures.PASSWORD);
        users.add(Optional.of(root), "omar", Role.MONITOR, "EUBAM", Fixtures.PASSWORD);
        users.add(Optional.of(root), "bea", Role.BOARD, "Board of Peace", Fixtures.PASSWORD);
        users.add(Optional.of(root), "ana", Role.ANALYST, "Kroc Institute", Fixtures.PASSWORD);
        users.add(Optional.of(root), "vic", Role.VIEWER, "Kroc Institute", Fixtures.PASSWORD);
        try {
            DemoEvidence.load(store, root, scenario, events);
            DemoImports.load(store, users.actor("mona", Fixtures.PASSWORD), scenario, Dashboard.DATA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sql(String statement) {
        var pg = TestDb.server();
        try (var c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"); var st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }
}
