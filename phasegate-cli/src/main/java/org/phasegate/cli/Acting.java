package org.phasegate.cli;

import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.Confidentiality;
import org.phasegate.evidence.Role;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.ledger.Actor;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The user a command acts as (--as), unlocked with their password from PHASEGATE_PASSWORD; and whose view a read
 * shows. The environment is the command line's ({@link Main#run}), so tests can give passwords without a process.
 */
final class Acting {
    static final String PASSWORD = "PHASEGATE_PASSWORD";
    static final String NEW_PASSWORD = "PHASEGATE_NEW_PASSWORD";
    private final Map<String, String> env;

    Acting(Map<String, String> env) {
        this.env = env;
    }

    /** The acting command line's environment: Main's, else the process's. */
    static Acting of(CommandSpec spec) {
        return new Acting(spec.root().userObject() instanceof Main m ? m.env() : System.getenv());
    }

    String env(String name) {
        return env.get(name);
    }

    Actor as(Store store, String name) {
        return store.users().actor(name, env(PASSWORD));
    }

    /**
     * Whose view a read shows: the acting user's (--as), else the public's. The old --role may only narrow it (to the
     * public view); it never widens a view, since a flag is no proof of who is reading.
     */
    Optional<Actor> reader(Store store, String as, String role) {
        var actor = as == null ? Optional.<Actor>empty() : Optional.of(as(store, as));
        if (role == null) return actor;
        var asked = StoreCommand.role(role);
        var own = actor.map(Actor::role).orElse(Role.PUBLIC);
        if (asked.seesRecord(Confidentiality.RESTRICTED) && !own.seesRecord(Confidentiality.RESTRICTED)) {
            throw new StoreException("--role " + role + " does not choose whose view a read shows; the acting user does: give --as USER"
                    + " (their password in " + PASSWORD + ")" + (as == null ? "; without --as the view is the public's" : ", and " + as + " is "
                    + own.wireName()));
        }
        return asked.seesRecord(Confidentiality.RESTRICTED) ? actor : Optional.empty();
    }
}
