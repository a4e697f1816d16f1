package org.phasegate.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.phasegate.evidence.Role;
import org.phasegate.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Users of the evidence ledger and their signing keys.",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.RotateKey.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a user with a new Ed25519 signing key (stored encrypted). The first user must be an admin; later ones are added --as an admin. A password, if wanted, comes from PHASEGATE_NEW_PASSWORD (stored as an Argon2id hash); acting as that user then needs it in PHASEGATE_PASSWORD.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Parameters(index = "0", description = "User name") String name;
        @Option(names = "--role", required = true, description = "admin, monitor, board, analyst or public") String role;
        @Option(names = "--org", required = true, description = "Organisation (attestations count once per organisation)") String org;
        @Option(names = "--as", description = "Acting admin (not needed for the first user)") String as;

        @Override
        public Integer call() {
            var r = Role.fromWire(role).orElseThrow(() -> new StoreException("--role '" + role + "' is not one of " + String.join(", ", Role.wireNames())));
            try (var s = store.open()) {
                var by = as == null ? Optional.<org.phasegate.store.ledger.Actor>empty() : Optional.of(Acting.as(s, as));
                var u = s.users().add(by, name, r, org, Optional.ofNullable(System.getenv("PHASEGATE_NEW_PASSWORD")));
                spec.commandLine().getOut().printf("added %s (%s, %s); signing key generated%n", u.name(), u.role().wireName(), u.org());
            }
            return 0;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Gives a user a new signing key (by the user or an admin); entries signed with the old key afterwards do not verify.")
    static final class RotateKey implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Parameters(index = "0", description = "User name") String name;
        @Option(names = "--as", required = true, description = "The user, or an admin") String as;

        @Override
        public Integer call() {
            try (var s = store.open()) {
                long seq = s.users().rotateKey(Acting.as(s, as), name);
                spec.commandLine().getOut().printf("%s has a new signing key (ledger entry %d)%n", name, seq);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists users, roles and organisations.")
    static final class List implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;

        @Override
        public Integer call() {
            try (var s = store.open()) {
                var out = spec.commandLine().getOut();
                s.users().list().forEach(u -> out.printf("%-16s %-8s %s%n", u.name(), u.role().wireName(), u.org()));
            }
            return 0;
        }
    }
}
