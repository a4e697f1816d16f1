package org.phasegate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.RecordRefused;
import org.phasegate.store.StoreException;
import org.phasegate.store.records.RecordView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Evidence records in the ledger: report, attest, dispute, adjudicate, reject, list, disclose.",
        subcommands = {RecordCommand.Add.class, RecordCommand.Attest.class, RecordCommand.Dispute.class,
                RecordCommand.Adjudicate.class, RecordCommand.Reject.class, RecordCommand.ListRecords.class,
                RecordCommand.Disclose.class})
final class RecordCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Reports the records in a .json (object or array) or .jsonl file, all in one transaction: every record is stored, or none. See docs/ledger.md.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Mixin ScenarioOption scenario;
        @Parameters(index = "0", description = "FILE.json or FILE.jsonl") Path file;
        @Option(names = "--as", required = true, description = "Reporting monitor") String as;

        @Override
        public Integer call() {
            var events = scenario.load().map(Scenario::eventsReader).orElseGet(EventsReader::new);
            var batch = new SubmissionReader(events).read(file);
            try (var s = store.open(scenario.rule())) {
                s.records().add(Acting.as(s, as), batch);
            } catch (RecordRefused e) {
                throw new InvalidInputException(new Problem(file.toString(), e.line(), 1, e.getMessage(),
                        "nothing from this file was written; fix it and add the file again"));
            }
            spec.commandLine().getOut().printf("added %d record%s from %s, reported by %s%n", batch.size(), batch.size() == 1 ? "" : "s", file, as);
            return 0;
        }
    }

    @Command(name = "attest", mixinStandardHelpOptions = true, description = "Attests (independently corroborates) a record.")
    static final class Attest implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Mixin ScenarioOption scenario;
        @Parameters(index = "0", description = "Record id") String id;
        @Option(names = "--as", required = true, description = "Attesting monitor") String as;

        @Override
        public Integer call() {
            try (var s = store.open(scenario.rule())) {
                s.records().attest(Acting.as(s, as), id);
                spec.commandLine().getOut().printf("%s attested %s; it is now %s%n", as, id, s.records().state(id).wireName());
            }
            return 0;
        }
    }

    @Command(name = "dispute", mixinStandardHelpOptions = true, description = "Disputes a record; the board then adjudicates.")
    static final class Dispute implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Mixin ScenarioOption scenario;
        @Parameters(index = "0", description = "Record id") String id;
        @Option(names = "--as", required = true, description = "Monitor or board member") String as;
        @Option(names = "--reason", required = true, description = "Why") String reason;

        @Override
        public Integer call() {
            try (var s = store.open(scenario.rule())) {
                s.records().dispute(Acting.as(s, as), id, reason);
                spec.commandLine().getOut().printf("%s disputed %s%n", as, id);
            }
            return 0;
        }
    }

    @Command(name = "adjudicate", mixinStandardHelpOptions = true, description = "The board decides a dispute: upheld (the record stands) or overturned (rejected).")
    static final class Adjudicate implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Mixin ScenarioOption scenario;
        @Parameters(index = "0", description = "Record id") String id;
        @Option(names = "--as", required = true, description = "Board member") String as;
        @ArgGroup(multiplicity = "1") Outcome outcome;
        @Option(names = "--reason", required = true, description = "Why") String reason;

        static final class Outcome {
            @Option(names = "--upheld", required = true, description = "The record stands") boolean upheld;
            @Option(names = "--overturned", required = true, description = "The record is rejected") boolean overturned;
        }

        @Override
        public Integer call() {
            try (var s = store.open(scenario.rule())) {
                s.records().adjudicate(Acting.as(s, as), id, outcome.upheld, reason);
                spec.commandLine().getOut().printf("%s: dispute %s; it is now %s%n", id, outcome.upheld ? "upheld" : "overturned",
                        s.records().state(id).wireName());
            }
            return 0;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "The board rejects a record.")
    static final class Reject implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Mixin ScenarioOption scenario;
        @Parameters(index = "0", description = "Record id") String id;
        @Option(names = "--as", required = true, description = "Board member") String as;
        @Option(names = "--reason", required = true, description = "Why") String reason;

        @Override
        public Integer call() {
            try (var s = store.open(scenario.rule())) {
                s.records().reject(Acting.as(s, as), id, reason);
                spec.commandLine().getOut().printf("%s rejected %s%n", as, id);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists records a role may see, with their verification state.")
    static final class ListRecords implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Mixin ScenarioOption scenario;
        @Option(names = "--role", defaultValue = "public", description = "Whose view: public, analyst, monitor, board, admin (default ${DEFAULT-VALUE})") String role;
        @Option(names = "--type", description = "Only this record type") String type;
        @Option(names = "--state", description = "Only this state: reported, corroborated, verified, disputed, rejected, superseded") String state;
        @Option(names = "--party", description = "Only records attributed to this party") String party;

        @Override
        public Integer call() {
            var r = Role.fromWire(role).orElseThrow(() -> new StoreException("--role '" + role + "' is not one of " + String.join(", ", Role.wireNames())));
            try (var s = store.open(scenario.rule())) {
                var out = spec.commandLine().getOut();
                var views = s.records().list(r, v -> (type == null || v.type().equals(type))
                        && (state == null || v.state().wireName().equals(state)) && (party == null || v.party().orElse("").equals(party)));
                views.forEach(v -> out.println(line(v)));
                out.printf("%d record%s%n", views.size(), views.size() == 1 ? "" : "s");
            }
            return 0;
        }

        private static String line(RecordView v) {
            return String.format("%-14s %-16s %s  %-12s %-8s by %s (%s), %d attestation%s%s%s", v.id(), v.type(), v.time(), v.state().wireName(),
                    v.party().orElse("-"), v.reporter(), v.reporterOrg(), v.attestations().size(), v.attestations().size() == 1 ? "" : "s",
                    v.confidentiality() == org.phasegate.evidence.Confidentiality.PUBLIC ? "" : ", " + v.confidentiality().wireName(),
                    v.supersedes().map(x -> ", supersedes " + x).orElse(""));
        }
    }

    @Command(name = "disclose", mixinStandardHelpOptions = true,
            description = "Opens a record's confidential part (board and admin only; the opening is recorded in the ledger) and shows how to check it against the public commitment.")
    static final class Disclose implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin StoreOptions store;
        @Mixin ScenarioOption scenario;
        @Parameters(index = "0", description = "Record id") String id;
        @Option(names = "--as", required = true, description = "Board member or admin") String as;
        @Option(names = "--reason", required = true, description = "Why (recorded in the audit entry)") String reason;

        @Override
        public Integer call() {
            try (var s = store.open(scenario.rule())) {
                var d = s.records().disclose(Acting.as(s, as), id, reason);
                var out = spec.commandLine().getOut();
                out.println(d.json());
                out.printf("salt %s%ncommitment %s (SHA-256 of salt bytes then the JSON above: %s)%n", d.saltHex(), d.commitment(),
                        d.matchesCommitment() ? "matches" : "DOES NOT MATCH");
            }
            return 0;
        }
    }
}
