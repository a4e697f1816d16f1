package org.phasegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.server.Datasets;
import org.phasegate.server.ScenarioSet;
import org.phasegate.server.Server;
import org.phasegate.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "The HTTP API in production: an existing store (--db-url with PHASEGATE_DB_USER / PHASEGATE_DB_PASSWORD, or --data-dir),"
                + " no demo users, TLS from a PKCS#12 keystore (--tls-keystore, password in PHASEGATE_TLS_PASSWORD) or plain HTTP behind a"
                + " TLS-terminating reverse proxy (docs/server.md). Runs until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;
    @Option(names = "--scenario", required = true, description = "The scenario whose evidence the store holds (more with --also)") Path scenario;
    @Option(names = "--also", paramLabel = "FILE", description = "Further scenarios to list and validate against") List<Path> also = new ArrayList<>();
    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE})") int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)") String host;
    @Option(names = "--no-anonymous", description = "Refuse anonymous readers (default: they see public records)") boolean noAnonymous;
    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 keystore for HTTPS; its password in PHASEGATE_TLS_PASSWORD") Path keystore;
    @Option(names = "--data", paramLabel = "DIR", description = "Real datasets (default: $PHASEGATE_DATA, else ../shared/data when it exists)") Path data;

    @Override
    public Integer call() throws Exception {
        var env = ((Main) spec.root().userObject()).env();
        var config = ServerConfig.of(port, host, !noAnonymous);
        if (keystore != null) {
            var password = env.get("PHASEGATE_TLS_PASSWORD");
            if (!Files.isRegularFile(keystore)) throw new InvalidInputException(new Problem("--tls-keystore " + keystore, 0, 0, "no such file", "give a PKCS#12 keystore"));
            if (password == null) throw new InvalidInputException(new Problem("--tls-keystore", 0, 0, "no keystore password", "set PHASEGATE_TLS_PASSWORD"));
            config = config.withTls(new ServerConfig.Tls(keystore, password));
        }
        var files = new ArrayList<Path>(List.of(scenario));
        files.addAll(also);
        var set = ScenarioSet.load(files);
        var s = new ScenarioLoader().load(scenario);
        try (var signal = new StopSignal(); var st = store.open(s.verification(), false)) {
            var audit = st.audit();
            if (!audit.ok()) throw new org.phasegate.store.StoreTampered("the store does not match its ledger: " + audit.problem().orElseThrow()
                    + " (phasegate ledger verify shows it; " + audit.remedy().orElseThrow() + ")");
            try (var server = Server.start(st, set, Datasets.locate(Optional.ofNullable(data), env, Home.dir()), config, Clock.systemUTC())) {
                var out = spec.commandLine().getOut();
                out.printf("phasegate serve: %s/api/v1 over %s (%,d ledger entries; anonymous readers %s)%n", server.url(),
                        store.db != null ? "the database at " + store.db.replaceAll("password=[^&]*", "password=***") : "the store in " + store.dataDir,
                        st.ledger().size(), noAnonymous ? "refused" : "see public records");
                out.flush();
                signal.await();
            }
        }
        return 0;
    }

}
