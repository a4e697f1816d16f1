package org.phasegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.evidence.Role;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.server.Datasets;
import org.phasegate.server.ScenarioSet;
import org.phasegate.server.Server;
import org.phasegate.server.ServerConfig;
import org.phasegate.store.Store;
import org.phasegate.store.users.Passwords;

/**
 * What the benchmarks that drive the real server share: the Gaza evidence in a throwaway embedded store, one user of
 * the role the benchmark acts as with an API token, and the server on a free loopback port; closing removes them all.
 */
final class BenchServer implements AutoCloseable {
    final Path dir;
    final Scenario scenario;
    final Store store;
    final DemoLedger.Outcome loaded;
    final String user;
    final String password;
    final String token;
    final Server server;

    private BenchServer(Path dir, Scenario scenario, Store store, DemoLedger.Outcome loaded, String user, String password, String token, Server server) {
        this.dir = dir;
        this.scenario = scenario;
        this.store = store;
        this.loaded = loaded;
        this.user = user;
        this.password = password;
        this.token = token;
        this.server = server;
    }

    static BenchServer start(String name, String user, Role role, Set<String> scopes) throws Exception {
        Path scenarios = Home.dir().resolve("scenarios");
        Path scenarioFile = scenarios.resolve("gaza-2025.yaml");
        Path events = scenarios.resolve("gaza-2025.events.jsonl");
        var s = new ScenarioLoader().load(scenarioFile);
        Path dir = Files.createTempDirectory("phasegate-bench-" + name + "-");
        Store store = null;
        try {
            store = DemoLedger.open(dir, s);
            var adminPassword = Passwords.throwaway();
            var loaded = DemoLedger.populate(store, s, events, s.eventsReader().read(events), adminPassword,
                    Datasets.locate(Optional.empty(), Map.of(), Home.dir()).dir());
            var admin = store.users().actor(DemoLedger.ADMIN, adminPassword);
            var password = Passwords.throwaway();
            store.users().add(Optional.of(admin), user, role, DemoLedger.ORG, password);
            var token = store.tokens().create(user, password, "bench", scopes, Duration.ofDays(1)).secret();
            var server = Server.start(store, ScenarioSet.load(List.of(scenarioFile)), new Datasets(Optional.empty()),
                    ServerConfig.of(0, "127.0.0.1", true), Clock.systemUTC());
            return new BenchServer(dir, s, store, loaded, user, password, token, server);
        } catch (Exception | Error e) {
            if (store != null) store.close();
            DemoLedger.deleteTree(dir);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            store.close();
        } finally {
            DemoLedger.deleteTree(dir);
        }
    }
}
