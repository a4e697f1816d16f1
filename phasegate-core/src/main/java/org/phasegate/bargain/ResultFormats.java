package org.phasegate.bargain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's results as CSV (KTAB's reference layout) and JSON. */
public final class ResultFormats {
    private ResultFormats() {
    }

    /** {@code turn,actor,dimension,position}, 0-based indices, 0–100 scale, 2 decimals, as in ../shared/data/ktab/expected. */
    public static String positionsCsv(BargainResult r) {
        StringBuilder sb = new StringBuilder("turn,actor,dimension,position\n");
        for (int t = 0; t <= r.lastTurn(); t++) {
            for (int i = 0; i < r.actors(); i++) {
                for (int k = 0; k < r.dimensions(); k++) {
                    sb.append(t).append(',').append(i).append(',').append(k).append(',')
                            .append(Plain.format("%.2f", r.position(t, i, k))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** {@code turn,actor,dimension,ideal}, 6 decimals, like KTAB's ideals export. */
    public static String idealsCsv(BargainResult r) {
        StringBuilder sb = new StringBuilder("turn,actor,dimension,ideal\n");
        for (int t = 0; t <= r.lastTurn(); t++) {
            for (int i = 0; i < r.actors(); i++) {
                for (int k = 0; k < r.dimensions(); k++) {
                    sb.append(t).append(',').append(i).append(',').append(k).append(',')
                            .append(Plain.format("%.6f", r.ideal(t, i, k))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** {@code turn,actor,probability}: each actor's probability that its position prevails. */
    public static String winProbabilitiesCsv(BargainResult r) {
        StringBuilder sb = new StringBuilder("turn,actor,probability\n");
        for (int t = 0; t <= r.lastTurn(); t++) {
            for (int i = 0; i < r.actors(); i++) {
                sb.append(t).append(',').append(i).append(',')
                        .append(Plain.format("%.6f", r.winProbability(t, i))).append('\n');
            }
        }
        return sb.toString();
    }

    /** Everything in one JSON document: issue, parameters, per-turn positions and probabilities, outcome. */
    public static String json(BargainResult r) {
        Issue is = r.issue();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issue", is.name());
        doc.put("description", is.description());
        doc.put("parameters", is.parameters().describe());
        doc.put("seed", Long.toUnsignedString(is.seed()));
        doc.put("dimensions", is.dimensions());
        doc.put("actors", is.actors().stream().map(Actor::name).toList());
        doc.put("turns", r.lastTurn());
        doc.put("converged", r.converged());
        doc.put("lastChangeRatio", r.lastChangeRatio());
        doc.put("predictedOutcome", r.predictedOutcome());
        List<Map<String, Object>> turns = new ArrayList<>();
        for (int t = 0; t <= r.lastTurn(); t++) {
            Map<String, Object> turn = new LinkedHashMap<>();
            turn.put("turn", t);
            List<List<Double>> pos = new ArrayList<>();
            List<Double> win = new ArrayList<>();
            for (int i = 0; i < r.actors(); i++) {
                List<Double> p = new ArrayList<>();
                for (int k = 0; k < r.dimensions(); k++) {
                    p.add(Math.round(r.position(t, i, k) * 1e6) / 1e6);
                }
                pos.add(p);
                win.add(r.winProbability(t, i));
            }
            turn.put("positions", pos);
            turn.put("winProbabilities", win);
            turns.add(turn);
        }
        doc.put("history", turns);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values always serialises", e);
        }
    }

    /** A short plain-text summary: turns, stop, outcome and final positions. */
    public static String summary(BargainResult r) {
        Issue is = r.issue();
        StringBuilder sb = new StringBuilder();
        sb.append("issue: ").append(is.name()).append('\n');
        sb.append("actors: ").append(r.actors()).append("; dimensions: ").append(r.dimensions()).append('\n');
        sb.append("model parameters: ").append(is.parameters().describe()).append('\n');
        sb.append(Plain.format("turns: %d (%s; last fractional change %.4f)%n", r.lastTurn(),
                r.converged() ? "converged" : "stopped at the step cap", r.lastChangeRatio()));
        List<Double> outcome = r.predictedOutcome();
        sb.append("predicted outcome (final position most likely to prevail):\n");
        for (int k = 0; k < r.dimensions(); k++) {
            sb.append(Plain.format("  %-40s %6.2f%n", is.dimensions().get(k), outcome.get(k)));
        }
        sb.append("final positions and winning probabilities (actors at the same position share one option's p):\n");
        int t = r.lastTurn();
        for (int i = 0; i < r.actors(); i++) {
            sb.append(Plain.format("  %-25s", is.actors().get(i).name()));
            for (int k = 0; k < r.dimensions(); k++) {
                sb.append(Plain.format(" %6.2f", r.position(t, i, k)));
            }
            sb.append(Plain.format("   p=%.3f%n", r.winProbability(t, i)));
        }
        return sb.toString();
    }
}
