package org.phasegate.cli;

import java.io.PrintWriter;
import org.phasegate.evidence.Confidentiality;
import org.phasegate.store.records.RecordDetail;

/** Prints one record for {@code record show}. */
final class RecordShow {
    private RecordShow() {
    }

    static void print(RecordDetail d, PrintWriter out) {
        var v = d.view();
        out.printf("record %s (%s), observed %s%s%n", v.id(), v.type(), v.time(), v.party().map(p -> ", party " + p).orElse(""));
        out.printf("  state        %s%n", v.state().wireName());
        out.printf("  reported by  %s (%s), ledger entry %d%s%n", v.reporter(), v.reporterOrg(), d.entry(),
                v.confidentiality() == Confidentiality.PUBLIC ? "" : "; " + v.confidentiality().wireName());
        if (v.rule() instanceof org.phasegate.evidence.VerificationRule.Body body) {
            out.printf("  needs        to be %s; has %d attestation%s%n", body.describe(), v.attestations().size(), StoreCommand.plural(v.attestations().size()));
        } else {
            out.printf("  needs        %d independent organisation%s other than %s; has %d attestation%s%n", v.required(),
                    StoreCommand.plural(v.required()), v.reporterOrg(), v.attestations().size(), StoreCommand.plural(v.attestations().size()));
        }
        if (d.stillNeeded() > 0) {
            out.printf("  still needs  %d more, from any of: %s%n", d.stillNeeded(),
                    d.candidateOrgs().isEmpty() ? "(no other organisation has an active monitor yet)" : String.join(", ", d.candidateOrgs()));
        }
        v.supersedes().ifPresent(x -> out.printf("  supersedes   %s%n", x));
        v.commitment().ifPresent(x -> out.printf("  sealed part  commitment %s (board and admins: record disclose)%n", x));
        for (var s : d.steps()) {
            out.printf("  entry %-6d %s by %s%s%s%n", s.entry(), s.what(), s.by(), s.org().isEmpty() ? "" : " (" + s.org() + ")",
                    s.reason().isEmpty() ? "" : ": " + s.reason());
        }
        d.sources().forEach(src -> out.printf("  source       %s%n", src));
        out.printf("  proof        ledger entry %d; its RFC 9162 inclusion proof in the signed tree (also: phasegate record proof %s;%n"
                + "               check it offline as docs/ledger.md says):%n", d.entry(), v.id());
    }
}
