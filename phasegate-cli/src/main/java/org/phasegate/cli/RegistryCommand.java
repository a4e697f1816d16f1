package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.phasegate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "The buy-back and reintegration registry, under pseudonymous ids: enrol, hand-ins, payments, status, duplicate claimants.",
        subcommands = {RegistryCommand.Enrol.class, RegistryCommand.HandIn.class, RegistryCommand.Pay.class,
                RegistryCommand.Status.class, RegistryCommand.Duplicates.class})
final class RegistryCommand {

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Enrols a participant; prints their pseudonym (HMAC of the document number). The number itself is never stored.")
    static final class Enrol extends StoreCommand {
        @Option(names = "--document", required = true, description = "Identity document number") String document;
        @Option(names = "--link", description = "Another identifier of the same person (biometric, phone), kept only as an HMAC tag") List<String> links = new ArrayList<>();
        @Option(names = "--as", required = true, description = "Monitor") String as;

        @Override
        int run(Store s, PrintWriter out) {
            out.println(s.registry().enrol(acting().as(s, as), document, links));
            return 0;
        }
    }

    @Command(name = "handin", mixinStandardHelpOptions = true, description = "Records weapons handed in by a participant.")
    static final class HandIn extends StoreCommand {
        @Parameters(index = "0", description = "Participant pseudonym (P-...)") String participant;
        @Option(names = "--category", required = true, description = "rockets, launchers, small-arms, explosives, ammunition, other") String category;
        @Option(names = "--quantity", required = true, description = "How many") int quantity;
        @Option(names = "--serial", description = "Weapon serial numbers (kept as HMAC tags)") List<String> serials = new ArrayList<>();
        @Option(names = "--as", required = true, description = "Monitor") String as;

        @Override
        int run(Store s, PrintWriter out) {
            s.registry().handIn(acting().as(s, as), participant, category, quantity, serials);
            out.printf("recorded %d %s handed in by %s%n", quantity, category, participant);
            return 0;
        }
    }

    @Command(name = "pay", mixinStandardHelpOptions = true, description = "Records a payment tranche (board only; each tranche once).")
    static final class Pay extends StoreCommand {
        @Parameters(index = "0", description = "Participant pseudonym") String participant;
        @Option(names = "--tranche", required = true, description = "Tranche number, from 1") int tranche;
        @Option(names = "--usd", required = true, description = "Amount in US dollars") long usd;
        @Option(names = "--as", required = true, description = "Board member") String as;

        @Override
        int run(Store s, PrintWriter out) {
            s.registry().pay(acting().as(s, as), participant, tranche, usd);
            out.printf("recorded tranche %d (%d USD) to %s%n", tranche, usd, participant);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Records reintegration status: enrolled, disarmed, in-training, reintegrated, dropped-out.")
    static final class Status extends StoreCommand {
        @Parameters(index = "0", description = "Participant pseudonym") String participant;
        @Parameters(index = "1", description = "New status") String status;
        @Option(names = "--as", required = true, description = "Monitor") String as;

        @Override
        int run(Store s, PrintWriter out) {
            s.registry().status(acting().as(s, as), participant, status);
            out.printf("%s is now %s%n", participant, status);
            return 0;
        }
    }

    @Command(name = "duplicates", mixinStandardHelpOptions = true,
            description = "Lists suspected duplicate claims: one person under several documents, one weapon handed in twice, a tranche paid twice, payment without hand-in. Exit 3 if any.")
    static final class Duplicates extends StoreCommand {

        @Override
        int run(Store s, PrintWriter out) {
            var findings = s.registry().duplicates();
            findings.forEach(f -> out.printf("%-16s %s (ledger entries %s)%n", f.kind(), f.message(), f.entries()));
            out.printf("%d finding%s%n", findings.size(), plural(findings.size()));
            return findings.isEmpty() ? 0 : 3;
        }
    }
}
