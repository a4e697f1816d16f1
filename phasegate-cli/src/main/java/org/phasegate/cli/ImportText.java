package org.phasegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.phasegate.importing.Dataset;
import org.phasegate.importing.Provenance;
import org.phasegate.importing.Rejection;
import org.phasegate.importing.Tally;
import org.phasegate.problem.Quote;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.store.imports.ImportOutcome;
import org.phasegate.store.imports.ImportRequest;

/** The summary of an import or a dry run: counts, types, where it went in the ledger, and the rejected rows. */
final class ImportText {
    private ImportText() {
    }

    static void print(ImportOutcome o, ImportRequest r, Provenance given, Path quarantine, PrintWriter out) {
        var d = o.dataset();
        var verb = r.dryRun() ? "would add" : "added";
        out.printf("%s: %,d row%s read for dataset %s (%s); %s %,d%s, %,d already imported unchanged, %,d rejected%n", r.file(), o.read(),
                StoreCommand.plural(o.read()), d.id(), d.title(), verb, o.added(), types(o.addedByType()), o.unchanged(), o.rejected().size());
        o.importId().ifPresent(id -> out.printf("import %d: one signed ledger entry (seq %d) commits to its %,d row%s by Merkle root %s; state %s, %s%n",
                id, id, o.added(), StoreCommand.plural(o.added()), o.root().orElseThrow(), r.rule().state().wireName(), r.rule().origin().wireName()));
        if (!r.dryRun() && o.importId().isEmpty()) out.println("nothing new: no ledger entry written");
        o.lastPeriod().ifPresent(p -> out.printf("data up to %s%n", p));
        Tally.describeFlags(o.flagged()).ifPresent(out::println);
        if (o.importId().isEmpty() && o.stored().isPresent()) stored(o.stored().get(), d.id(), given, out);
        else provenance(d, out);
        if (quarantine != null) out.printf("%,d rejected row%s written to %s%n", o.rejected().size(), StoreCommand.plural(o.rejected().size()), quarantine);
        else rejected(o.rejected(), r.file(), out);
    }

    static void printDry(Tally t, String file, ImportPolicy.Rule rule, PrintWriter out) {
        var d = t.dataset();
        out.printf("%s: dry run, no store to compare with: %,d row%s for dataset %s (%s)%s, %,d rejected; an import would give them state %s, %s%n", file,
                t.rows(), StoreCommand.plural(t.rows()), d.id(), d.title(), types(t.byType()), t.rejected().size(), rule.state().wireName(), rule.origin().wireName());
        t.lastPeriod().ifPresent(p -> out.printf("data up to %s%n", p));
        Tally.describeFlags(t.flagged()).ifPresent(out::println);
        provenance(d, out);
        rejected(t.rejected(), file, out);
    }

    private static void provenance(Dataset d, PrintWriter out) {
        out.printf("source: %s; licence: %s; attribution: %s%n", d.sourceUrl().isEmpty() ? "(not given)" : d.sourceUrl(), d.licence(), d.attribution());
    }

    /**
     * The provenance of the import that already holds the rows, when nothing new is written: a re-import never changes a
     * signed entry, so what the command line gave, where it differs, is said not to be applied.
     */
    private static void stored(ImportOutcome.Stored s, String dataset, Provenance given, PrintWriter out) {
        out.printf("source: %s; licence: %s; attribution: %s (as stored with import %d)%n", s.sourceUrl().isEmpty() ? "(not given)" : s.sourceUrl(),
                s.licence(), s.attribution(), s.importId());
        var ignored = new ArrayList<String>();
        given.sourceUrl().filter(v -> !v.equals(s.sourceUrl())).ifPresent(v -> ignored.add("--source-url " + Quote.of(v)));
        given.licence().filter(v -> !v.equals(s.licence())).ifPresent(v -> ignored.add("--licence " + Quote.of(v)));
        given.attribution().filter(v -> !v.equals(s.attribution())).ifPresent(v -> ignored.add("--attribution " + Quote.of(v)));
        if (ignored.isEmpty()) return;
        out.printf("not applied: %s; these rows were already imported under import %d, and a signed import's provenance is never rewritten"
                + " (leave the option out when re-importing; phasegate import show %s:ROW shows what is stored)%n", String.join(", ", ignored),
                s.importId(), dataset);
    }

    private static String types(Map<String, Long> byType) {
        if (byType.isEmpty()) return "";
        return " (" + byType.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static void rejected(List<Rejection> rejected, String file, PrintWriter out) {
        for (var r : rejected) out.println("  rejected " + r.problem(file).render());
    }
}
