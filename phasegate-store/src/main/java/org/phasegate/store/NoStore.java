package org.phasegate.store;

import java.nio.file.Path;

/** A command on a data directory (or database) that holds no store: nothing was created; says how to create one. */
public final class NoStore extends StoreException {
    public NoStore(Path dataDir) {
        super("no store in " + dataDir + (java.nio.file.Files.exists(dataDir) ? "" : " (no such directory)")
                + "; is --data-dir right? A store is created by adding its first admin: "
                + "PHASEGATE_NEW_PASSWORD=... phasegate user add NAME --role admin --org ORG --data-dir " + dataDir);
    }

    public NoStore(String url) {
        super("no store in the database " + url + " (no phasegate tables); a store is created by adding its first admin: "
                + "PHASEGATE_NEW_PASSWORD=... phasegate user add NAME --role admin --org ORG --db URL");
    }
}
