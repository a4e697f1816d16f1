package org.phasegate.cli;

import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.ledger.Actor;

/** The user a command acts as (--as); a user with a password must give it in PHASEGATE_PASSWORD. */
final class Acting {
    static final String PASSWORD = "PHASEGATE_PASSWORD";

    private Acting() {
    }

    static Actor as(Store store, String name) {
        var users = store.users();
        var actor = users.actor(name);
        if (users.hasPassword(name)) {
            var given = System.getenv(PASSWORD);
            if (given == null) throw new StoreException(name + " has a password; give it in " + PASSWORD);
            if (!users.checkPassword(name, given)) throw new StoreException("wrong password for " + name);
        }
        return actor;
    }
}
