package org.phasegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phasegate.importing.Provenance;
import org.phasegate.importing.Tally;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Database;
import org.phasegate.store.StoreException;
import org.phasegate.store.imports.ImportOutcome;
import org.phasegate.store.imports.ImportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a dataset file into the evidence store in one transaction, committed to by one signed ledger entry (a Merkle root over its rows): "
                + "KIND is acled (HDX monthly JSON or event CSV), casualties, ucdp, geojson or csv (with --mapping). Re-importing adds nothing. See docs/importing.md.",
        subcommands = {ImportProofCommand.class, ImportShowCommand.class, ImportListCommand.class, ImportBenchCommand.class})
final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;
    @Mixin ScenarioOption scenario;
    @Parameters(index = "0", arity = "0..1", description = "acled, casualties, ucdp, geojson or csv") String kind;
    @Parameters(index = "1", arity = "0..1", description = "The file to import") Path file;
    @Option(names = "--as", description = "Importing monitor (password in PHASEGATE_PASSWORD); not needed with --dry-run") String as;
    @Option(names = "--dry-run", description = "Read and check only: counts, mapped types, rejected rows; writes nothing; exits 2 if a row is rejected (the import would be refused)") boolean dryRun;
    @Option(names = "--quarantine", description = "Import the good rows and write the rejected ones here, a new file (JSON Lines: line, column, value, reason, row); exits 2 if every row is rejected") Path quarantine;
    @Option(names = "--mapping", description = "For csv: the mapping file (YAML, docs/importing.md)") Path mapping;
    @Option(names = "--no-progress", description = "No progress bar on stderr") boolean noProgress;
    @Option(names = "--dataset", paramLabel = "ID", description = "For geojson: the dataset's id (default: geojson- and the file's name); give the same id to re-import a renamed or moved file") String dataset;
    @Option(names = "--source-url", paramLabel = "URL", description = "Where the file comes from, when the file does not say (never overrides what it says)") String sourceUrl;
    @Option(names = "--licence", description = "The file's licence, when the file does not say (never overrides what it says)") String licence;
    @Option(names = "--attribution", description = "The attribution its publisher requires, when the file does not say (never overrides what it says)") String attribution;

    @Override
    public Integer call() throws Exception {
        if (kind == null || file == null) throw new StoreException("give KIND and FILE, e.g. phasegate import acled events.json --as mona (see: phasegate import --help)");
        if (!dryRun && as == null) throw new StoreException("give --as USER (a monitor; password in " + Acting.PASSWORD + "), or --dry-run to check the file only");
        if (dryRun && quarantine != null) throw new StoreException("--dry-run writes nothing, so it takes no --quarantine; it lists the rejected rows itself");
        var quarantined = quarantine == null ? null : Quarantine.of(quarantine, file);
        var given = Provenance.of(sourceUrl, licence, attribution);
        var source = ImportFile.of(kind, file, mapping, given, java.util.Optional.ofNullable(dataset));
        var rule = scenario.load().map(Scenario::imports).orElse(ImportPolicy.NONE).ruleFor(source.kind().wireName());
        var out = spec.commandLine().getOut();
        var request = new ImportRequest(source.kind(), file.toString(), source.sha256(), rule, dryRun, quarantine != null);
        if (dryRun && store.db == null && !Database.holdsStore(store.dataDir)) return dryWithoutStore(source, rule, out);
        ImportOutcome outcome;
        try (var s = store.open()) {
            var actor = as == null ? null : Acting.of(spec).as(s, as);
            outcome = s.importer().run(actor, source.reader(), () -> source.open(noProgress, spec.commandLine().getErr()), request, o -> {
                if (quarantined != null) quarantined.prepare(file.toString(), o.rejected());
            });
            if (quarantined != null) quarantined.commit(dryRunCommand());
            ImportText.print(outcome, request, given, quarantine, out);
        } finally {
            if (quarantined != null) quarantined.discard();
        }
        if (dryRun) return refusedIfRejected(outcome.rejected().size());
        if (outcome.rejected().isEmpty() || outcome.added() + outcome.unchanged() > 0) return 0;
        return nothingImported(String.format("nothing was imported: every row of %s was rejected (%,d, written to %s)", file, outcome.rejected().size(), quarantine));
    }

    /** A dry run's exit code: 2 when an import of the file without --quarantine would be refused, as a script needs to know. */
    private int refusedIfRejected(int rejected) {
        if (rejected == 0) return 0;
        return nothingImported(String.format("--dry-run: %,d rejected row%s above, so an import of %s would be refused (--quarantine FILE imports the good rows)",
                rejected, StoreCommand.plural(rejected), file));
    }

    private int nothingImported(String why) {
        var err = spec.commandLine().getErr();
        err.println("phasegate: " + why);
        err.flush();
        return Failures.BAD_INPUT;
    }

    /** The command that lists this file's rejected rows again. */
    private String dryRunCommand() {
        return "phasegate import " + kind + " " + file + (mapping == null ? "" : " --mapping " + mapping) + " --dry-run";
    }

    /** A dry run where there is no store: what the file holds, without comparing it to earlier imports. */
    private int dryWithoutStore(ImportFile source, ImportPolicy.Rule rule, PrintWriter out) throws java.io.IOException {
        var tally = new Tally();
        try (var in = source.open(noProgress, spec.commandLine().getErr())) {
            source.reader().read(file.toString(), in, tally);
        }
        ImportText.printDry(tally, file.toString(), rule, out);
        return refusedIfRejected(tally.rejected().size());
    }
}
