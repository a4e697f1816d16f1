package org.phasegate.backtest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.phasegate.TestFiles;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusReport;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** The bundled January 2025 ceasefire scenario with its real events, loaded once per test class that needs it. */
final class Jan2025 {
    static final Path FILE = TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.yaml");
    final Scenario scenario = new ScenarioLoader().load(FILE);
    final List<EvidenceRecord> records = scenario.eventsReader().read(TestFiles.scenarios().resolve("gaza-ceasefire-2025-01.events.jsonl"));

    AssumptionSet set(String name) {
        return new AssumptionSetReader().load(AssumptionSetReader.bundled(FILE, name), scenario);
    }

    List<EvidenceRecord> until(Instant t) {
        return records.stream().filter(r -> !r.time().isAfter(t)).toList();
    }

    /** The status at {@code asOf} from the records dated at or before it. */
    StatusReport status(Instant asOf) {
        return new GateEngine(scenario).status(until(asOf), asOf);
    }

    static Scenario load(String name) {
        return new ScenarioLoader().load(TestFiles.scenarios().resolve(name + ".yaml"));
    }
}
