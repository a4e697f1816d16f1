package org.phasegate.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.server.Datasets;
import org.phasegate.server.ScenarioSet;
import org.phasegate.server.Server;
import org.phasegate.server.ServerConfig;
import org.phasegate.store.Store;

/**
 * The browser tests' fixture, once per test class: the real server on a random port over a fresh embedded PostgreSQL
 * holding the demo's data (the Gaza scenario's bundled evidence, reported and attested by its sources; the two
 * historical scenarios to browse; the real datasets of ../shared/data when present), a cast of users, and one
 * headless Chromium. Register it on a {@code @TestInstance(PER_CLASS)} class:
 * {@code @RegisterExtension final Dashboard web = new Dashboard();}.
 *
 * <p>The cast, all with {@code Fixtures.PASSWORD}: {@code root} (admin), {@code mona} (monitor, UNOPS), {@code nina}
 * (monitor, ICRC), {@code omar} (monitor, EUBAM), {@code bea} (board), {@code ana} (analyst), {@code vic} (viewer). The server's clock stands still at
 * {@link #NOW}, after the last bundled record, so every page shows the same state on every run.
 */
public final class Dashboard implements BeforeAllCallback, AfterAllCallback {
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Path SCENARIOS = Path.of("../scenarios");
    static final Path DATA = Path.of("../../shared/data");
    private final UnaryOperator<String> scenarioEdit;
    private final Set<String> leftOut;
    private Path edited;
    private Path partialData;
    private Store store;
    private Server server;
    private Browser browser;

    /** Serves the bundled Gaza scenario. */
    public Dashboard() {
        this(UnaryOperator.identity());
    }

    /**
     * Serves the Gaza scenario as {@code scenarioEdit} rewrites its YAML (a test fixture, e.g. one more gate; the
     * edit must change the text). The store's evidence is the same.
     */
    public Dashboard(UnaryOperator<String> scenarioEdit) {
        this(scenarioEdit, Set.of());
    }

    private Dashboard(UnaryOperator<String> scenarioEdit, Set<String> leftOut) {
        this.scenarioEdit = scenarioEdit;
        this.leftOut = Set.copyOf(leftOut);
    }

    /**
     * Serves the data directory without these files (paths relative to it, e.g. {@code geo/ocha-admin2.geojson}): the
     * server reads a directory of links to every other file, so nothing is copied.
     */
    public static Dashboard without(String... dataFiles) {
        return new Dashboard(UnaryOperator.identity(), Set.of(dataFiles));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        var scenarioFile = scenarioFile();
        var scenario = new ScenarioLoader().load(scenarioFile);
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = DemoStore.copy(scenario, SCENARIOS.resolve("gaza-2025.events.jsonl"), clock);
        var set = ScenarioSet.load(List.of(scenarioFile, SCENARIOS.resolve("gaza-ceasefire-2025-01.yaml"), SCENARIOS.resolve("ni-decommissioning-1998.yaml")));
        var datasets = new Datasets(Files.isDirectory(DATA) ? Optional.of(dataDirectory()) : Optional.empty());
        server = Server.start(store, set, datasets, ServerConfig.of(0, "127.0.0.1", true), clock);
        browser = new Browser(server.url());
    }

    /** ../shared/data, or a directory of symbolic links to its files but those left out. */
    private Path dataDirectory() throws IOException {
        var data = DATA.toAbsolutePath().normalize();
        if (leftOut.isEmpty()) return data;
        partialData = Files.createTempDirectory("phasegate-web-data-");
        try (var files = Files.walk(data)) {
            for (var f : files.filter(Files::isRegularFile).toList()) {
                var relative = data.relativize(f);
                if (leftOut.contains(relative.toString().replace('\\', '/'))) continue;
                var link = partialData.resolve(relative.toString());
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, f);
            }
        }
        return partialData;
    }

    /** The bundled file, or its edited copy (named as the bundled one: the scenario's id comes from its file name). */
    private Path scenarioFile() throws IOException {
        var bundled = SCENARIOS.resolve("gaza-2025.yaml");
        var text = Files.readString(bundled);
        var changed = scenarioEdit.apply(text);
        if (changed.equals(text)) return bundled;
        edited = Files.createTempDirectory("phasegate-web-scenario-");
        return Files.writeString(edited.resolve("gaza-2025.yaml"), changed);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (var st = store; var sv = server; var b = browser) {
            // try-with-resources closes them in reverse: the browser, the server, then the store, each even if one fails
        } finally {
            if (edited != null) {
                Files.deleteIfExists(edited.resolve("gaza-2025.yaml"));
                Files.deleteIfExists(edited);
            }
            if (partialData != null) {
                try (var links = Files.walk(partialData)) {
                    for (var p : links.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);   // the links, not their targets
                }
            }
        }
    }

    public Browser browser() {
        return browser;
    }

    public Store store() {
        return store;
    }

    public String url(String path) {
        return server.url() + path;
    }
}
