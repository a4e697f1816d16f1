package org.phasegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.phasegate.scenario.Verification;
import org.phasegate.store.Database;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Ledger;
import picocli.CommandLine.Option;

/**
 * Where the evidence store is: the embedded PostgreSQL in a data directory (default), or any PostgreSQL by JDBC URL
 * with credentials from PHASEGATE_DB_USER / PHASEGATE_DB_PASSWORD (or in the URL). The data key comes from --key-file, else
 * PHASEGATE_DATA_KEY, else ~/.phasegate/data.key (created on first use); it is never stored in the database.
 */
final class StoreOptions {
    @Option(names = "--data-dir", description = "Embedded database directory (default: ./phasegate-data)")
    Path dataDir = Path.of("phasegate-data");
    @Option(names = {"--db", "--db-url"}, description = "JDBC URL of an external PostgreSQL, e.g. jdbc:postgresql://host/phasegate")
    String db;
    @Option(names = "--key-file", description = "Data key file (base64 of 32 bytes); default: $PHASEGATE_DATA_KEY or ~/.phasegate/data.key")
    Path keyFile;
    /** Opens an existing store; the verification rule matters only to record commands (see {@link ScenarioOption}). */
    Store open() {
        return open(Verification.SINGLE, false);
    }

    /** Opens the store; only {@code mayCreate} (the first admin's user add, import, restore) creates one where there is none. */
    Store open(Verification rule, boolean mayCreate) {
        var key = key();
        return new Store(database(mayCreate), key, Clock.systemUTC(), rule, Ledger.DEFAULT_CHECKPOINT_EVERY);
    }

    Database database(boolean mayCreate) {
        return db == null ? Database.embedded(dataDir, mayCreate, Database.LOCK_WAIT)
                : Database.external(db, env("PHASEGATE_DB_USER"), env("PHASEGATE_DB_PASSWORD"), mayCreate);
    }

    DataKey key() {
        if (keyFile != null) {
            if (Files.notExists(keyFile)) throw new StoreException("no key file " + keyFile + " (omit --key-file to use the default key)");
            return DataKey.fromFile(keyFile, false);
        }
        var fromEnv = System.getenv(DataKey.ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return DataKey.fromBase64(fromEnv);
        var file = Path.of(System.getProperty("user.home"), ".phasegate", "data.key");
        if (Files.notExists(file)) System.err.println("phasegate: created a new data key in " + file + " (keep it safe and out of the repository)");
        return DataKey.fromFile(file, true);
    }

    /** Null when unset: the driver then takes the credentials from the URL (?user=...&password=...), or fails clearly. */
    private static String env(String name) {
        return System.getenv(name);
    }
}
