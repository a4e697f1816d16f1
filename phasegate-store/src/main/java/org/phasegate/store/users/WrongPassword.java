package org.phasegate.store.users;

import org.phasegate.store.StoreException;

/** Acting as a user with a wrong or missing password; the attempt has been recorded. */
public final class WrongPassword extends StoreException {
    public WrongPassword(String name, boolean missing) {
        super(missing ? "acting as " + name + " needs their password in PHASEGATE_PASSWORD (this attempt was recorded)"
                : "wrong password for " + name + " (this attempt was recorded)");
    }
}
