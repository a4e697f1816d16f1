package org.phasegate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.Role;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.server.Datasets;
import org.phasegate.server.ScenarioSet;
import org.phasegate.server.Server;
import org.phasegate.server.ServerConfig;
import org.phasegate.store.Store;
import org.phasegate.store.users.Passwords;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demo} without {@code --text}: a throwaway embedded store holding the bundled Gaza evidence (reported and
 * attested by its sources, as in the report's ledger part), one demo login per role with a password generated now and
 * printed once, the real datasets of the data directory, and the API on them until Ctrl-C (or until the thread is
 * interrupted); then everything is stopped and the throwaway store deleted.
 */
final class DemoServer {
    private static final List<Role> LOGINS = List.of(Role.BOARD, Role.MONITOR, Role.ANALYST, Role.VIEWER);
    private final CommandSpec spec;
    private final String host;
    private final int port;
    private final Path data;

    DemoServer(CommandSpec spec, String host, int port, Path data) {
        this.spec = spec;
        this.host = host;
        this.port = port;
        this.data = data;
    }

    int run() throws java.io.IOException {
        var out = spec.commandLine().getOut();
        var env = ((Main) spec.root().userObject()).env();
        var datasets = DemoData.locate(data, env);
        Path scenarios = Home.dir().resolve("scenarios");
        Path scenarioFile = scenarios.resolve("gaza-2025.yaml");
        Path events = scenarios.resolve("gaza-2025.events.jsonl");
        var s = new ScenarioLoader().load(scenarioFile);
        var records = s.eventsReader().read(events);
        progress("phasegate: starting a throwaway embedded PostgreSQL and loading the Gaza evidence ...");
        Path dir = Files.createTempDirectory("phasegate-demo-server-");
        var signal = new StopSignal();
        Store store = null;
        Server server = null;
        try {
            store = DemoLedger.open(dir, s);
            var adminPassword = Passwords.throwaway();
            var outcome = DemoLedger.populate(store, s, events, records, adminPassword, datasets.dir());
            var logins = logins(store, adminPassword);
            var set = ScenarioSet.load(List.of(scenarioFile, scenarios.resolve("gaza-ceasefire-2025-01.yaml"), scenarios.resolve("ni-decommissioning-1998.yaml")));
            server = Server.start(store, set, datasets, ServerConfig.of(port, host, true), Clock.systemUTC());
            print(out, server, outcome, logins, datasets, set);
            signal.await();
            return 0;
        } finally {
            try {
                if (server != null) server.close();
                if (store != null) store.close();
                DemoLedger.deleteTree(dir);
            } finally {
                signal.close();
            }
        }
    }

    private static Map<String, String> logins(Store store, String adminPassword) {
        var out = new java.util.LinkedHashMap<String, String>();
        out.put(DemoLedger.ADMIN, adminPassword);
        var admin = store.users().actor(DemoLedger.ADMIN, adminPassword);
        for (var role : LOGINS) {
            var name = "demo-" + role.wireName();
            var password = Passwords.throwaway();
            store.users().add(Optional.of(admin), name, role, DemoLedger.ORG, password);
            out.put(name, password);
        }
        return out;
    }

    private static void print(PrintWriter out, Server server, DemoLedger.Outcome o, Map<String, String> logins, Datasets datasets, ScenarioSet set) {
        out.printf("Phasegate demo: the HTTP API is at %s/api/v1 (description: %s/api/v1/openapi.json; docs/api.md)%n", server.url(), server.url());
        out.printf("the dashboard: %s/ (docs/dashboard.md)%n", server.url());
        out.printf("loaded: scenarios %s (evidence in the store: %s); %d users; %d records reported, %d attestations, %d verified; ledger verify: %s%n",
                String.join(", ", set.byId().keySet().stream().sorted().toList()), set.stored(), o.users() + logins.size() - 1, o.reported(), o.attestations(),
                o.verified().size(), o.verify().ok() ? "every hash, link and signature checks" : "FAILED");
        out.printf("datasets served for download (GET %s/api/v1/datasets): %d of %d present%s%n", server.url(), datasets.present().size(),
                Datasets.KNOWN.size(), datasets.dir().map(d -> " in " + d).orElse(" (no data directory)"));
        for (var d : datasets.missing()) out.printf("  missing %s (%s): %s; from %s%n", d.id(), d.file(), d.what(), d.source());
        out.println(o.data().line());
        out.println("demo logins (passwords made now, shown this once; they die with this process):");
        logins.forEach((name, password) -> out.printf("  %-14s %s%n", name, password));
        out.printf("try: curl -s %s/api/v1/scenarios/%s/status | head%n", server.url(), set.stored());
        out.println("Ctrl-C stops the server and deletes the throwaway store.");
        out.flush();
    }

    private void progress(String note) {
        spec.commandLine().getErr().println(note);
        spec.commandLine().getErr().flush();
    }
}
