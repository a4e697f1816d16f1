package org.phasegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.phasegate.forecast.Forecast;
import org.phasegate.forecast.Nowcast;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.importing.DataUpTo;
import org.phasegate.nowcast.Likelihood;

/**
 * The forecast's JSON with a {@code nowcast} object added beside its own fields (docs/forecast.md, "Nowcasting"); with
 * imported series, its {@code importedData} as of the nowcast's as-of date and each checkpoint's {@code importedUpTo}.
 */
final class NowcastJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NowcastJson() {
    }

    static String addTo(String forecastJson, Nowcast n, org.phasegate.scenario.Scenario s, List<DataUpTo> upTo, List<EvidenceRecord> imported) {
        try {
            var root = (ObjectNode) JSON.readTree(forecastJson);
            var o = root.putObject("nowcast");
            o.put("origin", n.origin().toString()).put("asOf", n.asOf().toString()).put("runs", n.runs()).put("seed", n.seed())
                    .put("everyDays", n.everyDays());
            if (n.holdingGate().isPresent()) o.put("holdingGate", n.holdingGate().get());
            else o.putNull("holdingGate");
            o.putObject("likelihood").put("timingSdDays", n.likelihood().timingSdDays()).put("mismatch", n.likelihood().mismatch())
                    .put("source", Likelihood.SOURCE);
            DataUpTo.json(o.putArray("importedData"), DataUpTo.asOf(upTo, s, imported, n.asOf()));
            var datasets = upTo.stream().filter(DataUpTo::read).map(DataUpTo::dataset).distinct().toList();
            var checkpoints = o.putArray("checkpoints");
            var ess = o.putArray("ess");
            for (var c : n.checkpoints()) {
                var cp = checkpoints.addObject().put("at", c.at().toString()).put("events", c.events()).put("ess", c.ess()).put("essShare", c.essShare())
                        .put("agreeing", c.agreeing());
                if (!datasets.isEmpty()) DataUpTo.json(cp.putObject("importedUpTo"), DataUpTo.lastDays(datasets, imported, c.at()));
                ess.add(c.ess());
            }
            o.put("essWarningShare", Nowcast.ESS_WARNING);
            o.put("distinctOrigins", n.origins());
            if (n.warning().isPresent()) o.put("warning", n.warning().get());
            else o.putNull("warning");
            lines(o.putArray("phases"), "phase", n.phases());
            estimates(o.putObject("collapse").putArray("by"), n.collapse());
            lines(o.putArray("gates"), "gate", n.gates());
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lines(ArrayNode out, String key, List<Nowcast.Line> lines) {
        for (var l : lines) {
            var n = out.addObject().put(key, l.id()).put("name", l.name());
            estimates(n.putArray("by"), l.by());
        }
    }

    private static void estimates(ArrayNode out, List<Forecast.Estimate> list) {
        for (var e : list) out.addObject().put("date", e.date().toString()).put("p", e.p()).put("se", e.se());
    }
}
