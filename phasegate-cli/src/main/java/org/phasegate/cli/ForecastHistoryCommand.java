package org.phasegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Saved forecasts (forecast --record) with their inputs and their questions' probabilities; with --scenario, each question "
                + "resolved from the store's verified records dated at or before its date (docs/scoring.md, 'Forecast history').")
final class ForecastHistoryCommand extends StoreCommand {
    @Option(names = "--question", paramLabel = "ID", description = "Only this question, e.g. gate-open:GATE:by:2026-01-01T00:00:00Z") String question;
    @Option(names = "--scenario", description = "The scenario the questions are about: resolves them from the verified records") Path scenario;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})") ForecastCommand.Format format;

    @Override
    int run(Store s, PrintWriter out) {
        var saved = s.forecasts().list(Optional.ofNullable(question));
        var loaded = scenario == null ? null : new ScenarioLoader().load(scenario);
        var resolver = loaded == null ? Optional.<HistoryResolver>empty()
                : Optional.of(new HistoryResolver(loaded, s.records().verified(Optional.empty()), ImportedData.load(s, loaded).records(), Instant.now()));
        out.print(format == ForecastCommand.Format.json ? HistoryRender.json(saved, resolver) : HistoryRender.text(saved, resolver));
        return 0;
    }
}
