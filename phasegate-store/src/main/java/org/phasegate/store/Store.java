package org.phasegate.store;

import java.time.Clock;
import org.phasegate.scenario.Verification;
import org.phasegate.store.access.AccessLog;
import org.phasegate.store.access.Idempotency;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.forecasts.ForecastHistory;
import org.phasegate.store.imports.Importer;
import org.phasegate.store.ledger.Audit;
import org.phasegate.store.ledger.Ledger;
import org.phasegate.store.orgs.Organisations;
import org.phasegate.store.records.Records;
import org.phasegate.store.registry.Registry;
import org.phasegate.store.tree.Heads;
import org.phasegate.store.users.Tokens;
import org.phasegate.store.users.Users;

/**
 * The evidence store: one database, one data key, and the services over them. Reads never trust a table the ledger
 * would not give: the first use of users, records or the registry audits the whole store (entries, then every served
 * table re-derived from them, see {@link Ledger#audit}) and refuses with {@link StoreTampered} if anything differs.
 * The audit holds for this Store's lifetime (one CLI command); the ledger's own commands are not guarded, they are how
 * a problem is found and repaired.
 */
public final class Store implements AutoCloseable {
    private final Database db;
    private final Ledger ledger;
    private final Users users;
    private final Records records;
    private final Registry registry;
    private final Organisations organisations;
    private final Heads heads;
    private final ForecastHistory forecasts;
    private final Tokens tokens;
    private final AccessLog accessLog;
    private final Idempotency idempotency;
    private final Importer importer;
    private boolean audited;

    public Store(Database db, DataKey key, Clock clock, Verification rule, int checkpointEvery) {
        this.db = db;
        this.ledger = new Ledger(db.dataSource());
        this.users = new Users(db.dataSource(), key, clock, checkpointEvery);
        this.records = new Records(db.dataSource(), key, clock, rule, checkpointEvery);
        this.registry = new Registry(db.dataSource(), key, clock, checkpointEvery);
        this.organisations = new Organisations(db.dataSource(), clock, checkpointEvery);
        this.heads = new Heads(db.dataSource(), clock);
        this.forecasts = new ForecastHistory(db.dataSource());
        this.tokens = new Tokens(db.dataSource(), key, clock);
        this.accessLog = new AccessLog(db.dataSource(), clock);
        this.idempotency = new Idempotency(db.dataSource(), clock);
        this.importer = new Importer(db.dataSource(), clock, checkpointEvery);
    }

    /** Audits the whole store now; a clean audit also stands for the guard of {@link #users()} and the others. */
    public synchronized Audit audit() {
        var a = ledger.audit();
        audited = a.ok();
        return a;
    }

    private synchronized void audited() {
        if (audited) return;
        var a = audit();
        if (!a.ok()) {
            throw new StoreTampered("the store does not match its ledger, so nothing is read from or written to it: " + a.problem().orElseThrow()
                    + " (phasegate ledger verify shows it; " + a.remedy().orElseThrow() + ")");
        }
        audited = true;
    }

    public Database database() {
        return db;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Users users() {
        audited();
        return users;
    }

    public Records records() {
        audited();
        return records;
    }

    public Organisations organisations() {
        audited();
        return organisations;
    }

    public Registry registry() {
        audited();
        return registry;
    }

    /** Saved forecasts with their inputs (not ledger entries: nothing here is evidence, so no audit guards it). */
    public ForecastHistory forecasts() {
        return forecasts;
    }

    /** Imports of datasets (ACLED, casualty series, UCDP, GeoJSON places, mapped CSV); see docs/importing.md. */
    public Importer importer() {
        audited();
        return importer;
    }

    /** The imports in the store, oldest first. */
    public java.util.List<org.phasegate.store.imports.Imports.Summary> imports() {
        audited();
        return org.phasegate.store.imports.Imports.list(db.dataSource());
    }

    /** The imported places with a geometry (GeoJSON imports), with their imports' provenance; only {@code dataset}'s if given. */
    public java.util.List<org.phasegate.store.imports.ImportedPlaces.Place> importedPlaces(java.util.Optional<String> dataset) {
        audited();
        return org.phasegate.store.imports.ImportedPlaces.list(db.dataSource(), dataset);
    }

    /** Signed tree heads; sign only sizes and roots an audit gave. */
    public Heads heads() {
        return heads;
    }

    /** The HTTP API's tokens (guarded like users: they unlock signing keys). */
    public Tokens tokens() {
        audited();
        return tokens;
    }

    /** The HTTP API's access log (denied requests, reads of restricted and confidential data). */
    public AccessLog accessLog() {
        return accessLog;
    }

    /** Idempotency keys of the HTTP API's record submissions. */
    public Idempotency idempotency() {
        return idempotency;
    }

    @Override
    public void close() {
        db.close();
    }
}
