package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An embedded store in a test's folder, reached through the CLI as a user reaches it: a data key file, an admin
 * ({@code root}) and a monitor who imports ({@code mona}, of UNOPS), all with {@link #PASSWORD}.
 */
record ImportingStore(Path data, Path key) {
    static final String PASSWORD = "a password for the tests";
    static final Map<String, String> ENV = Map.of("PHASEGATE_PASSWORD", PASSWORD, "PHASEGATE_NEW_PASSWORD", PASSWORD);
    static final Path ACLED = CliTest.REPO.resolve("../shared/data/events/acled-monthly-political-violence.json").normalize();
    static final String GAZA = CliTest.REPO.resolve("scenarios/gaza-2025.yaml").toString();

    /** A new store in {@code dir} with its key and the two users. */
    static ImportingStore withUsers(Path dir) throws IOException {
        var store = new ImportingStore(dir.resolve("phasegate-data"), dir.resolve("data.key"));
        Files.writeString(store.key, Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(store.run("user", "add", "root", "--role", "admin", "--org", "CC").exit()).isZero();
        assertThat(store.run("org", "add", "UNOPS", "--as", "root").exit()).isZero();
        var mona = store.run("user", "add", "mona", "--role", "monitor", "--org", "UNOPS", "--as", "root");
        assertThat(mona.exit()).as(mona.err()).isZero();
        return store;
    }

    /** The real political-violence file imported by mona under the bundled Gaza scenario. */
    ImportingStore withAcled() {
        var imported = run("import", "acled", ACLED.toString(), "--as", "mona", "--scenario", GAZA, "--no-progress");
        assertThat(imported.exit()).as(imported.err()).isZero();
        return this;
    }

    CliTest.Run run(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", data.toString(), "--key-file", key.toString()));
        return CliTest.run(ENV, all.toArray(String[]::new));
    }
}
