package org.phasegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.forecast.Forecast;
import org.phasegate.forecast.Nowcast;
import org.phasegate.score.Question;
import org.phasegate.store.forecasts.SavedForecast;

/**
 * A forecast (and its nowcast) as the store's history keeps them: the inputs' hashes, the evidence cut-off, the seed,
 * the runs, the code version, and one question per phase, gate (and, with a holding gate, collapse) and reported date.
 * A date D asks about the end of D (D + 1 at 00:00 UTC), as P(by D) counts. The assumption set's hash covers the file
 * and the {@code --set} overrides; the code version is the CLI jar's manifest Implementation-Version (the Maven
 * project version).
 */
record ForecastRecording(String scenarioSha256, String setName, String setSha256, String codeVersion) {

    static ForecastRecording of(Path scenario, Path setFile, String setName, Map<String, String> overrides) throws IOException {
        var over = new StringBuilder();
        overrides.forEach((k, v) -> over.append("\n--set ").append(k).append('=').append(v));
        String name = setName + over.toString().replace('\n', ' ');
        byte[] set = Files.readAllBytes(setFile);
        byte[] extra = over.toString().getBytes(StandardCharsets.UTF_8);
        byte[] both = java.util.Arrays.copyOf(set, set.length + extra.length);
        System.arraycopy(extra, 0, both, set.length, extra.length);
        String version = Optional.ofNullable(ForecastRecording.class.getPackage().getImplementationVersion()).orElse("unknown (not run from the built jar)");
        return new ForecastRecording(sha256(Files.readAllBytes(scenario)), name, sha256(both), version);
    }

    SavedForecast forecast(Forecast f, Optional<String> holdingGate, Instant savedAt) {
        var qs = new ArrayList<SavedForecast.SavedQuestion>();
        for (var p : f.phases()) for (var e : p.complete().by()) qs.add(question(new Question.PhaseCompleteBy(p.phase(), end(e.date())), e.p()));
        for (var g : f.gates()) for (var e : g.by()) qs.add(question(new Question.GateOpenBy(g.gate(), end(e.date())), e.p()));
        holdingGate.ifPresent(h -> f.collapse().by().forEach(e -> qs.add(question(new Question.CollapseBy(h, end(e.date())), e.p()))));
        return saved("forecast", f.scenario(), f.asOf(), f.seed(), f.runs(), qs, savedAt);
    }

    SavedForecast nowcast(String scenario, Nowcast n, Instant savedAt) {
        var qs = new ArrayList<SavedForecast.SavedQuestion>();
        for (var p : n.phases()) for (var e : p.by()) qs.add(question(new Question.PhaseCompleteBy(p.id(), end(e.date())), e.p()));
        for (var g : n.gates()) for (var e : g.by()) qs.add(question(new Question.GateOpenBy(g.id(), end(e.date())), e.p()));
        n.holdingGate().ifPresent(h -> n.collapse().forEach(e -> qs.add(question(new Question.CollapseBy(h, end(e.date())), e.p()))));
        return saved("nowcast", scenario, n.asOf(), n.seed(), n.runs(), qs, savedAt);
    }

    private SavedForecast saved(String method, String scenario, Instant cutoff, long seed, int runs, List<SavedForecast.SavedQuestion> qs, Instant savedAt) {
        return new SavedForecast(0, savedAt, method, scenario, scenarioSha256, setName, setSha256, cutoff, seed, runs, codeVersion, qs);
    }

    static Instant end(LocalDate d) {
        return d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String kind(Question q) {
        return q.id().substring(0, q.id().indexOf(':'));
    }

    private static SavedForecast.SavedQuestion question(Question q, double p) {
        return new SavedForecast.SavedQuestion(q.id(), kind(q), q.subject(), q.by(), p);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
