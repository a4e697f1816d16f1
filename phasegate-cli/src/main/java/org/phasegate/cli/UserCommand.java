package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.phasegate.evidence.Role;
import org.phasegate.store.Store;
import org.phasegate.store.ledger.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Users of the evidence ledger and their signing keys.",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.RotateKey.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a user with a new Ed25519 signing key (stored encrypted). The first user must be an admin; later ones are added --as an admin. A password, if wanted, comes from PHASEGATE_NEW_PASSWORD (stored as an Argon2id hash); acting as that user then needs it in PHASEGATE_PASSWORD.")
    static final class Add extends StoreCommand {
        @Parameters(index = "0", description = "User name") String name;
        @Option(names = "--role", required = true, description = "admin, monitor, board, analyst or public") String role;
        @Option(names = "--org", required = true, description = "Organisation (attestations count once per organisation)") String org;
        @Option(names = "--as", description = "Acting admin (not needed for the first user)") String as;

        private Role r;

        @Override
        void check() {
            r = role(role);
        }

        @Override
        int run(Store s, PrintWriter out) {
            var by = as == null ? Optional.<Actor>empty() : Optional.of(Acting.as(s, as));
            var u = s.users().add(by, name, r, org, Optional.ofNullable(System.getenv("PHASEGATE_NEW_PASSWORD")));
            out.printf("added %s (%s, %s); signing key generated%n", u.name(), u.role().wireName(), u.org());
            return 0;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Gives a user a new signing key (by the user or an admin); entries signed with the old key afterwards do not verify.")
    static final class RotateKey extends StoreCommand {
        @Parameters(index = "0", description = "User name") String name;
        @Option(names = "--as", required = true, description = "The user, or an admin") String as;

        @Override
        int run(Store s, PrintWriter out) {
            long seq = s.users().rotateKey(Acting.as(s, as), name);
            out.printf("%s has a new signing key (ledger entry %d)%n", name, seq);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists users, roles and organisations.")
    static final class List extends StoreCommand {

        @Override
        int run(Store s, PrintWriter out) {
            var users = s.users().list();
            if (users.isEmpty()) out.println("no users yet; add the first (an admin) with: phasegate user add NAME --role admin --org ORG");
            users.forEach(u -> out.printf("%-16s %-8s %s%n", u.name(), u.role().wireName(), u.org()));
            return 0;
        }
    }
}
