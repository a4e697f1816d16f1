package org.phasegate.cli;

import java.io.PrintWriter;
import org.phasegate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "org", mixinStandardHelpOptions = true,
        description = "Organisations: registered by an admin, each with an id; names that differ only in case, spacing or Unicode form are one organisation.",
        subcommands = {OrgCommand.Add.class, OrgCommand.List.class})
final class OrgCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Registers an organisation (admins only).")
    static final class Add extends StoreCommand {
        @Parameters(index = "0", description = "Organisation name") String name;
        @Option(names = "--as", required = true, description = "Admin") String as;

        @Override
        int run(Store s, PrintWriter out) {
            var o = s.organisations().add(acting().as(s, as), name);
            out.printf("registered organisation %s (id %d)%n", o.name(), o.id());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists registered organisations and their ids.")
    static final class List extends StoreCommand {

        @Override
        int run(Store s, PrintWriter out) {
            var orgs = s.organisations().list();
            orgs.forEach(o -> out.printf("%6d  %s%n", o.id(), o.name()));
            out.printf("%d organisation%s%n", orgs.size(), plural(orgs.size()));
            return 0;
        }
    }
}
