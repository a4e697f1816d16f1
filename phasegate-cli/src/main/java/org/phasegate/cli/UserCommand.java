package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.phasegate.evidence.Role;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.users.Passwords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Users of the evidence ledger, their passwords and signing keys.",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.RotateKey.class, UserCommand.Deactivate.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a user with a password (PHASEGATE_NEW_PASSWORD, at least 12 characters; stored as an Argon2id hash) and a new Ed25519 signing key sealed under it. The first user, an admin, creates the store; later ones are added --as an admin (password in PHASEGATE_PASSWORD), in a registered organisation (see: phasegate org).")
    static final class Add extends StoreCommand {
        @Parameters(index = "0", description = "User name") String name;
        @Option(names = "--role", required = true, description = "admin, monitor, board, analyst or public") String role;
        @Option(names = "--org", required = true, description = "Organisation (registered; attestations count once per organisation)") String org;
        @Option(names = "--as", description = "Acting admin (not needed for the first user, who creates the store)") String as;

        private Role r;
        private String password;

        @Override
        void check() {
            r = role(role);
            password = Passwords.requireStrong(acting().env(Acting.NEW_PASSWORD), Acting.NEW_PASSWORD);
            if (as == null && r != Role.ADMIN) {
                throw new StoreException("without --as this adds the first user, who must be an admin (--role admin); others are added --as an admin");
            }
        }

        @Override
        boolean mayCreate() {
            return as == null;
        }

        @Override
        int run(Store s, PrintWriter out) {
            var by = as == null ? Optional.<Actor>empty() : Optional.of(acting().as(s, as));
            var u = s.users().add(by, name, r, org, password);
            out.printf("added %s (%s, %s); signing key generated and sealed under their password%n", u.name(), u.role().wireName(), u.org());
            return 0;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Gives a user a new signing key; entries signed with the old key afterwards do not verify. By the user (the key is sealed under PHASEGATE_NEW_PASSWORD if given, else their current password) or by an admin (a reset: PHASEGATE_NEW_PASSWORD becomes the user's password; hand it over).")
    static final class RotateKey extends StoreCommand {
        @Parameters(index = "0", description = "User name") String name;
        @Option(names = "--as", required = true, description = "The user, or an admin") String as;

        @Override
        int run(Store s, PrintWriter out) {
            var by = acting().as(s, as);
            var fresh = acting().env(Acting.NEW_PASSWORD);
            var password = fresh != null ? fresh : as.equals(name) ? acting().env(Acting.PASSWORD) : null;
            if (password == null) throw new StoreException("an admin resetting " + name + "'s key gives their new password in " + Acting.NEW_PASSWORD);
            long seq = s.users().rotateKey(by, name, password);
            out.printf("%s has a new signing key (ledger entry %d)%s%n", name, seq, fresh != null ? "; their password is the one in " + Acting.NEW_PASSWORD : "");
            return 0;
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "An admin deactivates a user: they can no longer act, and anything signed with their key afterwards does not verify.")
    static final class Deactivate extends StoreCommand {
        @Parameters(index = "0", description = "User name") String name;
        @Option(names = "--as", required = true, description = "Admin") String as;
        @Option(names = "--reason", defaultValue = "deactivated by an admin", description = "Why (recorded in the ledger)") String reason;

        @Override
        int run(Store s, PrintWriter out) {
            long seq = s.users().deactivate(acting().as(s, as), name, reason);
            out.printf("%s is deactivated (ledger entry %d)%n", name, seq);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists users, roles, organisations, who is deactivated, and failed sign-ins.")
    static final class List extends StoreCommand {

        @Override
        int run(Store s, PrintWriter out) {
            var users = s.users().list();
            if (users.isEmpty()) out.println("no users yet; add the first (an admin) with: PHASEGATE_NEW_PASSWORD=... phasegate user add NAME --role admin --org ORG");
            for (var u : users) {
                long failed = s.users().failedSignIns(u.name());
                out.printf("%-16s %-8s %s%s%s%n", u.name(), u.role().wireName(), u.org(), u.active() ? "" : "  (deactivated)",
                        failed == 0 ? "" : "  (" + failed + " failed sign-in" + plural(failed) + ")");
            }
            return 0;
        }
    }
}
