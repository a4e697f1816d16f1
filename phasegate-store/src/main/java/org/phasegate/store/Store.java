package org.phasegate.store;

import java.time.Clock;
import org.phasegate.scenario.Verification;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Ledger;
import org.phasegate.store.orgs.Organisations;
import org.phasegate.store.records.Records;
import org.phasegate.store.registry.Registry;
import org.phasegate.store.users.Users;

/** The evidence store: one database, one data key, and the services over them. */
public final class Store implements AutoCloseable {
    private final Database db;
    private final Ledger ledger;
    private final Users users;
    private final Records records;
    private final Registry registry;
    private final Organisations organisations;

    public Store(Database db, DataKey key, Clock clock, Verification rule, int checkpointEvery) {
        this.db = db;
        this.ledger = new Ledger(db.dataSource());
        this.users = new Users(db.dataSource(), key, clock, checkpointEvery);
        this.records = new Records(db.dataSource(), key, clock, rule, checkpointEvery);
        this.registry = new Registry(db.dataSource(), key, clock, checkpointEvery);
        this.organisations = new Organisations(db.dataSource(), clock, checkpointEvery);
    }

    public Database database() {
        return db;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Users users() {
        return users;
    }

    public Records records() {
        return records;
    }

    public Organisations organisations() {
        return organisations;
    }

    public Registry registry() {
        return registry;
    }

    @Override
    public void close() {
        db.close();
    }
}
