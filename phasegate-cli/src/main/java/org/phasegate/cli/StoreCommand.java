package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.phasegate.evidence.Role;
import org.phasegate.scenario.Verification;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand over the evidence store: checks its arguments ({@link #check()}, before anything is opened or created),
 * opens the store, acts and prints to the command's output, closes the store, and returns the exit code.
 */
abstract class StoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Override
    public final Integer call() throws Exception {
        check();
        try (var s = open()) {
            return run(s, spec.commandLine().getOut());
        }
    }

    /** Argument checks that need no store; throw to refuse. */
    void check() {
    }

    Store open() {
        return store.open(Verification.SINGLE, mayCreate());
    }

    /** Whether this command may create a store where there is none (only the first admin's user add, import, restore). */
    boolean mayCreate() {
        return false;
    }

    abstract int run(Store s, PrintWriter out) throws Exception;

    /** The acting user's password and the new one come from the command line's environment. */
    Acting acting() {
        return Acting.of(spec);
    }

    /** A --role value, or a refusal naming the roles there are. */
    static Role role(String wire) {
        return Role.fromWire(wire).orElseThrow(() -> new StoreException("--role '" + wire + "' is not one of " + String.join(", ", Role.wireNames())));
    }

    /** "s" unless n is 1. */
    static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
