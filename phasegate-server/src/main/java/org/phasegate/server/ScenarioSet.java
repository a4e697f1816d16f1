package org.phasegate.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * The scenarios a server offers, by id (the file name without {@code .yaml}), and the one whose evidence the store
 * holds: status, gates and forecasts from the store are of that scenario (the store verifies records by its rules).
 */
public record ScenarioSet(Map<String, Entry> byId, String stored) {
    public record Entry(String id, Path file, Scenario scenario) {
    }

    public ScenarioSet {
        byId = Map.copyOf(byId);
        if (!byId.containsKey(stored)) throw new IllegalArgumentException("the store's scenario " + stored + " is not among " + byId.keySet());
    }

    /** Loads each file (located problems if one is bad); the first is the store's. */
    public static ScenarioSet load(List<Path> files) {
        var map = new LinkedHashMap<String, Entry>();
        for (var f : files) {
            var id = idOf(f);
            map.put(id, new Entry(id, f, new ScenarioLoader().load(f)));
        }
        return new ScenarioSet(map, idOf(files.getFirst()));
    }

    public static String idOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    public Entry get(String id) {
        var e = byId.get(id);
        if (e == null) throw ApiProblem.notFound("no scenario " + org.phasegate.problem.Quote.of(id) + "; the scenarios are: " + String.join(", ", byId.keySet().stream().sorted().toList()));
        return e;
    }

    /** A scenario whose status comes from the store: only the store's. */
    public Entry stored(String id) {
        var e = get(id);
        if (!e.id().equals(stored)) {
            throw ApiProblem.of(409, "not this store's scenario", "the store holds evidence for " + stored + ", not " + id + "; ask " + Server.BASE + "/scenarios/" + stored + "/status");
        }
        return e;
    }

    public Entry storedEntry() {
        return byId.get(stored);
    }
}
