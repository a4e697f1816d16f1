package org.phasegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.phasegate.score.Resolution;
import org.phasegate.store.forecasts.SavedForecast;

/** `forecast history` as text or JSON: each saved forecast's inputs, then its questions with p and, when resolved, the outcome. */
final class HistoryRender {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HistoryRender() {
    }

    static String text(List<SavedForecast> saved, Optional<HistoryResolver> resolver) {
        var b = new StringBuilder();
        if (saved.isEmpty()) b.append("no saved forecasts (save one with: phasegate forecast ... --record)\n");
        for (var f : saved) {
            b.append(String.format(Locale.ROOT, "#%d %s of %s, evidence up to %s, saved %s%n", f.id(), f.method(), f.scenario(), f.evidenceCutoff(), f.savedAt()));
            b.append(String.format(Locale.ROOT, "   scenario sha256 %s; assumption set '%s' sha256 %s; seed %d, %,d runs; code %s%n",
                    f.scenarioSha256(), f.assumptionSet(), f.assumptionSha256(), f.seed(), f.runs(), f.codeVersion()));
            for (var q : f.questions()) {
                b.append(String.format(Locale.ROOT, "   %-72s p %.4f   %s%n", q.id(), q.p(), resolver.map(r -> state(r.resolve(f, q))).orElse("")));
            }
        }
        if (resolver.isEmpty() && !saved.isEmpty()) b.append("(give --scenario FILE to resolve the questions from the store's verified records)\n");
        return b.toString();
    }

    private static String state(Optional<Resolution> r) {
        if (r.isEmpty()) return "not about this scenario";
        return switch (r.get().state()) {
            case YES -> "YES at " + r.get().at().orElseThrow();
            case NO -> "NO (" + r.get().at().orElseThrow() + " passed)";
            case UNRESOLVED -> "open";
        };
    }

    static String json(List<SavedForecast> saved, Optional<HistoryResolver> resolver) {
        var root = JSON.createObjectNode();
        var list = root.putArray("forecasts");
        for (var f : saved) {
            var n = list.addObject().put("id", f.id()).put("method", f.method()).put("savedAt", f.savedAt().toString()).put("scenario", f.scenario())
                    .put("scenarioSha256", f.scenarioSha256()).put("assumptionSet", f.assumptionSet()).put("assumptionSha256", f.assumptionSha256())
                    .put("evidenceCutoff", f.evidenceCutoff().toString()).put("seed", f.seed()).put("runs", f.runs()).put("codeVersion", f.codeVersion());
            var qs = n.putArray("questions");
            for (var q : f.questions()) {
                var qn = qs.addObject().put("id", q.id()).put("kind", q.kind()).put("subject", q.subject()).put("by", q.by().toString()).put("p", q.p());
                var r = resolver.flatMap(x -> x.resolve(f, q));
                if (r.isPresent()) resolution(qn.putObject("resolution"), r.get());
                else qn.putNull("resolution");
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void resolution(ObjectNode n, Resolution r) {
        n.put("state", r.state().name().toLowerCase(Locale.ROOT));
        if (r.at().isPresent()) n.put("at", r.at().get().toString());
        else n.putNull("at");
        if (r.state() == Resolution.State.UNRESOLVED) n.putNull("outcome");
        else n.put("outcome", r.outcome());
    }
}
