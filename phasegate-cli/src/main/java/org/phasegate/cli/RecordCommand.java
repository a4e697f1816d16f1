package org.phasegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.evidence.Workflow;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.RecordRefused;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;
import org.phasegate.store.records.RecordView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Evidence records in the ledger: report, attest, dispute, adjudicate, reject, list, show, disclose, proof.",
        subcommands = {RecordCommand.Add.class, RecordCommand.Attest.class, RecordCommand.Dispute.class,
                RecordCommand.Adjudicate.class, RecordCommand.Reject.class, RecordCommand.ListRecords.class, RecordCommand.Show.class,
                RecordCommand.Disclose.class, RecordProof.class})
final class RecordCommand {

    /** A record command: the scenario gives the verification rule the store applies. */
    abstract static class InScenario extends StoreCommand {
        @Mixin ScenarioOption scenario;

        @Override
        Store open() {
            return store.open(scenario.rule(), false);
        }
    }

    /** A command on one record, by id. */
    abstract static class OnRecord extends InScenario {
        @Parameters(index = "0", description = "Record id") String id;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Reports the records in a .json (object or array) or .jsonl file, all in one transaction: every record is stored, or none. See docs/ledger.md.")
    static final class Add extends InScenario {
        @Parameters(index = "0", description = "FILE.json or FILE.jsonl") Path file;
        @Option(names = "--as", required = true, description = "Reporting monitor") String as;
        private RecordFile records;

        @Override
        void check() {
            var events = scenario.load().map(Scenario::eventsReader).orElseGet(EventsReader::new);
            records = new RecordFile(new SubmissionReader(events), file);
            records.check();
        }

        @Override
        int run(Store s, PrintWriter out) {
            try {
                s.records().add(acting().as(s, as), records.submissions());
            } catch (RecordRefused e) {
                throw new InvalidInputException(new Problem(file.toString(), e.line(), 1, e.getMessage(),
                        "nothing from this file was written; fix it and add the file again"));
            }
            out.printf("added %d record%s from %s, reported by %s%n", records.count(), plural(records.count()), file, as);
            return 0;
        }
    }

    @Command(name = "attest", mixinStandardHelpOptions = true, description = "Attests (independently corroborates) a record.")
    static final class Attest extends OnRecord {
        @Option(names = "--as", required = true, description = "Attesting monitor") String as;

        @Override
        int run(Store s, PrintWriter out) {
            s.records().attest(acting().as(s, as), id);
            out.printf("%s attested %s; it is now %s%n", as, id, s.records().state(id).wireName());
            return 0;
        }
    }

    @Command(name = "dispute", mixinStandardHelpOptions = true, description = "Disputes a record; the board then adjudicates.")
    static final class Dispute extends OnRecord {
        @Option(names = "--as", required = true, description = "Monitor or board member") String as;
        @Option(names = "--reason", required = true, description = "Why") String reason;

        @Override
        int run(Store s, PrintWriter out) {
            s.records().dispute(acting().as(s, as), id, reason);
            out.printf("%s disputed %s%n", as, id);
            return 0;
        }
    }

    @Command(name = "adjudicate", mixinStandardHelpOptions = true, description = "The board decides a dispute: upheld (the record stands) or overturned (rejected).")
    static final class Adjudicate extends OnRecord {
        @Option(names = "--as", required = true, description = "Board member") String as;
        @ArgGroup(multiplicity = "1") Outcome outcome;
        @Option(names = "--reason", required = true, description = "Why") String reason;

        static final class Outcome {
            @Option(names = "--upheld", required = true, description = "The record stands") boolean upheld;
            @Option(names = "--overturned", required = true, description = "The record is rejected") boolean overturned;
        }

        @Override
        int run(Store s, PrintWriter out) {
            s.records().adjudicate(acting().as(s, as), id, outcome.upheld, reason);
            out.printf("%s: dispute %s; it is now %s%n", id, outcome.upheld ? "upheld" : "overturned", s.records().state(id).wireName());
            return 0;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "The board rejects a record.")
    static final class Reject extends OnRecord {
        @Option(names = "--as", required = true, description = "Board member") String as;
        @Option(names = "--reason", required = true, description = "Why") String reason;

        @Override
        int run(Store s, PrintWriter out) {
            s.records().reject(acting().as(s, as), id, reason);
            out.printf("%s rejected %s%n", as, id);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the records the acting user may see (--as; without it, the public's view), with their state and the attestations each needs. Reading restricted records is recorded in the ledger.")
    static final class ListRecords extends InScenario {
        @Option(names = "--as", description = "Whose view: this user's (password in PHASEGATE_PASSWORD); default: the public's") String as;
        @Option(names = "--role", hidden = true, description = "Old; may only narrow the view to the public's") String role;
        @Option(names = "--type", description = "Only this record type") String type;
        @Option(names = "--state", description = "Only this state: reported, corroborated, verified, disputed, rejected, superseded") String state;
        @Option(names = "--party", description = "Only records attributed to this party") String party;

        @Override
        void check() {
            if (role != null) role(role);
            var states = java.util.Arrays.stream(Workflow.State.values()).map(Workflow.State::wireName).toList();
            if (state != null && !states.contains(state)) {
                throw new StoreException("--state '" + state + "' is not one of " + String.join(", ", states));
            }
        }

        @Override
        int run(Store s, PrintWriter out) {
            var views = s.records().list(acting().reader(s, as, role), v -> (type == null || v.type().equals(type))
                    && (state == null || v.state().wireName().equals(state)) && (party == null || v.party().orElse("").equals(party)));
            views.forEach(v -> out.println(line(v)));
            out.printf("%d record%s%n", views.size(), plural(views.size()));
            return 0;
        }

        private static String line(RecordView v) {
            String needs = v.rule() instanceof org.phasegate.evidence.VerificationRule.Body body
                    ? String.format("%d attestation%s, %s", v.attestations().size(), plural(v.attestations().size()), body.describe())
                    : String.format("%d of %d attestation%s", v.attestations().size(), v.required(), plural(v.required()));
            return String.format("%-14s %-16s %s  %-12s %-8s by %s (%s), %s%s%s", v.id(), v.type(), v.time(), v.state().wireName(),
                    v.party().orElse("-"), v.reporter(), v.reporterOrg(), needs,
                    v.confidentiality() == org.phasegate.evidence.Confidentiality.PUBLIC ? "" : ", " + v.confidentiality().wireName(),
                    v.supersedes().map(x -> ", supersedes " + x).orElse(""));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One record as the acting user (--as; without it, the public) may see it: its state, the attestations it has and needs (from which organisations), its history, sources and inclusion proof.")
    static final class Show extends OnRecord {
        @Option(names = "--as", description = "Whose view: this user's (password in PHASEGATE_PASSWORD); default: the public's") String as;

        @Override
        int run(Store s, PrintWriter out) {
            RecordShow.print(s.records().show(acting().reader(s, as, null), id), out);
            out.println(RecordProof.json(s, id).indent(4).stripTrailing());
            return 0;
        }
    }

    @Command(name = "disclose", mixinStandardHelpOptions = true,
            description = "Opens a record's confidential part (board and admin only; the opening is recorded in the ledger) and shows how to check it against the public commitment.")
    static final class Disclose extends OnRecord {
        @Option(names = "--as", required = true, description = "Board member or admin") String as;
        @Option(names = "--reason", required = true, description = "Why (recorded in the audit entry)") String reason;

        @Override
        int run(Store s, PrintWriter out) {
            var d = s.records().disclose(acting().as(s, as), id, reason);
            out.println(d.json());
            out.printf("salt %s%ncommitment %s (SHA-256 of salt bytes then the JSON above: %s)%n", d.saltHex(), d.commitment(),
                    d.matchesCommitment() ? "matches" : "DOES NOT MATCH");
            return 0;
        }
    }
}
