package org.phasegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.OrgName;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.Submission;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Database;
import org.phasegate.store.Store;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.users.Passwords;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.imports.ImportedSeries;
import org.phasegate.store.ledger.Ledger;
import org.phasegate.store.ledger.Verifier;

/**
 * The demo's ledger: the bundled evidence replayed through a throwaway embedded ledger as it would arrive — each
 * record reported by its own source and attested by the organisations the file names — then verified and read back.
 */
final class DemoLedger {
    static final String ADMIN = "demo-admin";
    static final String ORG = "Phasegate demo";
    private static final String IMPORTER = "demo-importer";

    /** What the ledger holds once populated; {@code imported}: the rows of the real data the scenario's import measures read. */
    record Outcome(int users, int reported, int attestations, DemoData.Summary data, Verifier.Report verify, List<EvidenceRecord> verified,
                   ImportedSeries imported) {
    }

    private DemoLedger() {
    }

    static Outcome run(Scenario s, Path eventsFile, List<EvidenceRecord> records, Optional<Path> dataDir) throws IOException {
        Path dir = Files.createTempDirectory("phasegate-demo-ledger-");
        try (var store = open(dir, s)) {
            return populate(store, s, eventsFile, records, Passwords.throwaway(), dataDir);
        } finally {
            deleteTree(dir);
        }
    }

    /** A throwaway store in {@code dir} (a fresh data key that lives only in this process) verifying by the scenario's rules. */
    static Store open(Path dir, Scenario s) {
        return new Store(Database.embedded(dir), randomKey(), Clock.systemUTC(), s.verification(), Ledger.DEFAULT_CHECKPOINT_EVERY);
    }

    /**
     * The bundled evidence reported and attested in {@code store}, and the real data in {@code dataDir} imported; its admin
     * is {@value #ADMIN} with {@code adminPassword}.
     */
    static Outcome populate(Store store, Scenario s, Path eventsFile, List<EvidenceRecord> records, String adminPassword, Optional<Path> dataDir)
            throws IOException {
        var actors = addUsers(store, records, adminPassword);
        var submissions = new SubmissionReader(s.eventsReader()).parse(eventsFile.toString(), asReports(eventsFile), true);
        var reporters = records.stream().collect(Collectors.toMap(EvidenceRecord::id, r -> r.reporter().by()));
        submissionsByReporter(submissions, reporters).forEach((reporter, batch) -> store.records().add(actors.get(reporter), batch));
        int attestations = 0;
        for (var r : records) {
            for (Attestation a : r.attestations()) {
                store.records().attest(actors.get(a.by()), r.id());
                attestations++;
            }
        }
        var importerPassword = Passwords.throwaway();
        store.users().add(Optional.of(actors.get(ADMIN)), IMPORTER, Role.MONITOR, ORG, importerPassword);
        var data = DemoData.load(store, store.users().actor(IMPORTER, importerPassword), dataDir, s.imports());
        var imported = ImportedSeries.load(store.database().dataSource(), s);
        return new Outcome(actors.size() + 1, submissions.size(), attestations, data, store.ledger().verify(), store.records().verified(Optional.empty()), imported);
    }

    /**
     * An admin, then each organisation the file names, then every reporter and attester as a monitor of theirs, each with
     * a throwaway password that lives only in this process; returns them unlocked, by name.
     */
    private static Map<String, Actor> addUsers(Store store, List<EvidenceRecord> records, String password) {
        store.users().add(Optional.empty(), ADMIN, Role.ADMIN, ORG, password);
        Map<String, Actor> actors = new LinkedHashMap<>();
        actors.put(ADMIN, store.users().actor(ADMIN, password));
        Map<String, String> orgs = new LinkedHashMap<>();
        for (var r : records) {
            orgs.putIfAbsent(r.reporter().by(), r.reporter().org());
            r.attestations().forEach(a -> orgs.putIfAbsent(a.by(), a.org()));
        }
        var registered = new java.util.HashSet<String>(List.of(OrgName.normalise(ORG)));
        orgs.values().forEach(org -> {
            if (registered.add(OrgName.normalise(org))) store.organisations().add(actors.get(ADMIN), org);
        });
        orgs.forEach((name, org) -> {
            var own = Passwords.throwaway();
            store.users().add(Optional.of(actors.get(ADMIN)), name, Role.MONITOR, org, own);
            actors.put(name, store.users().actor(name, own));
        });
        return actors;
    }

    /** The file's lines without reporter and attestations: in a report the acting user is the reporter. */
    private static String asReports(Path eventsFile) throws IOException {
        var json = new ObjectMapper();
        var out = new StringBuilder();
        for (String line : Files.readAllLines(eventsFile)) {
            if (line.isBlank()) {
                out.append('\n');
                continue;
            }
            var node = (ObjectNode) json.readTree(line);
            node.remove(List.of("reporter", "attestations"));
            out.append(json.writeValueAsString(node)).append('\n');
        }
        return out.toString();
    }

    private static Map<String, List<Submission>> submissionsByReporter(List<Submission> submissions, Map<String, String> reporters) {
        Map<String, List<Submission>> out = new LinkedHashMap<>();
        submissions.forEach(sub -> out.computeIfAbsent(reporters.get(sub.record().id()), k -> new ArrayList<>()).add(sub));
        return out;
    }

    private static DataKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new DataKey(key);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the demo's temporary ledger " + dir, e);
        }
    }
}
