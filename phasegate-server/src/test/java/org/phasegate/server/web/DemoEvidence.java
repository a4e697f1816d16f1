package org.phasegate.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.OrgName;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.Submission;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.ledger.Actor;

/**
 * The demo's evidence, loaded as {@code phasegate demo} loads it (the CLI's DemoLedger, which this module cannot
 * reach): every record of the scenario's bundled events file reported by its own source and attested by the
 * organisations the file names, each of them a monitor of their organisation.
 */
final class DemoEvidence {
    private DemoEvidence() {
    }

    /** Reports and attests the file's records in {@code store}, with users made by {@code admin}; returns the record count. */
    static int load(Store store, Actor admin, Scenario s, Path events) throws IOException {
        List<EvidenceRecord> records = s.eventsReader().read(events);
        var actors = monitors(store, admin, records);
        var submissions = new SubmissionReader(s.eventsReader()).parse(events.toString(), withoutProvenance(events), true);
        Map<String, String> reporterOf = new LinkedHashMap<>();
        records.forEach(r -> reporterOf.put(r.id(), r.reporter().by()));
        Map<String, List<Submission>> byReporter = new LinkedHashMap<>();
        for (var sub : submissions) byReporter.computeIfAbsent(reporterOf.get(sub.record().id()), k -> new ArrayList<>()).add(sub);
        byReporter.forEach((reporter, batch) -> store.records().add(actors.get(reporter), batch));
        for (var r : records) r.attestations().forEach(a -> store.records().attest(actors.get(a.by()), r.id()));
        return records.size();
    }

    private static Map<String, Actor> monitors(Store store, Actor admin, List<EvidenceRecord> records) {
        Map<String, String> orgOf = new LinkedHashMap<>();
        for (var r : records) {
            orgOf.putIfAbsent(r.reporter().by(), r.reporter().org());
            r.attestations().forEach(a -> orgOf.putIfAbsent(a.by(), a.org()));
        }
        var registered = new HashSet<String>();
        store.organisations().list().forEach(o -> registered.add(OrgName.normalise(o.name())));
        Map<String, Actor> actors = new LinkedHashMap<>();
        orgOf.forEach((name, org) -> {
            if (registered.add(OrgName.normalise(org))) store.organisations().add(admin, org);
            store.users().add(Optional.of(admin), name, Role.MONITOR, org, Fixtures.PASSWORD);
            actors.put(name, store.users().actor(name, Fixtures.PASSWORD));
        });
        return actors;
    }

    /** The file's lines without reporter and attestations: in a report the acting user is the reporter. */
    private static String withoutProvenance(Path events) throws IOException {
        var json = new ObjectMapper();
        var out = new StringBuilder();
        for (String line : Files.readAllLines(events)) {
            if (!line.isBlank()) {
                var node = (ObjectNode) json.readTree(line);
                node.remove(List.of("reporter", "attestations"));
                out.append(json.writeValueAsString(node));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
