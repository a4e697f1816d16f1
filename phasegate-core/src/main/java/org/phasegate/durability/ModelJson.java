package org.phasegate.durability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

/**
 * MODEL.json, written by {@code durability fit} and read by {@code durability predict} and the forecast: the
 * Weibull PH coefficients and covariance, hazard ratios with intervals (for readers; recomputed on reading), the
 * selection and the provenance of the data. A field that is missing or of the wrong kind is reported by its path.
 */
public final class ModelJson {
    public static final String FORMAT = "phasegate-durability-model/1";

    private ModelJson() {
    }

    public static String write(DurabilityModel model) {
        var json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        var w = model.weibull();
        root.put("format", FORMAT);
        root.put("family", "weibull-ph");
        root.put("timeUnit", "years of 365.25 days; H(t | x) = t^shape * exp(intercept + sum of beta * provision)");
        root.put("shape", w.shape());
        root.put("intercept", w.intercept());
        ArrayNode covariates = root.putArray("covariates");
        for (int j = 0; j < w.beta().length; j++) {
            String c = w.covariates().get(j);
            double[] ci = w.hazardRatioInterval(c);
            covariates.addObject().put("code", c).put("meaning", Provisions.meaning(c)).put("beta", w.beta()[j])
                    .put("se", w.standardError(c)).put("hazardRatio", w.hazardRatio(c)).put("low95", ci[0]).put("high95", ci[1]);
        }
        ArrayNode cov = root.putArray("covariance");
        for (double[] row : w.covariance()) {
            ArrayNode r = cov.addArray();
            for (double v : row) r.add(v);
        }
        root.put("logLikelihood", w.logLikelihood()).put("n", w.n()).put("events", w.events());
        var s = model.selection();
        ObjectNode sel = root.putObject("selection");
        sel.put("method", "forward selection by " + s.folds() + "-fold cross-validated log-likelihood; at least "
                + Selection.EVENTS_PER_COVARIATE + " ends per covariate (Peduzzi et al. 1995)");
        sel.put("folds", s.folds()).put("seed", s.seed());
        s.forced().forEach(sel.putArray("forced")::add);
        s.candidates().forEach(sel.putArray("candidates")::add);
        ArrayNode rounds = sel.putArray("rounds");
        for (var r : s.rounds()) {
            rounds.addObject().put("candidate", r.candidate()).put("before", r.before()).put("after", r.after()).put("added", r.added());
        }
        ObjectNode prov = root.putObject("provenance");
        prov.put("dataset", model.dataset()).put("rows", model.rows()).put("sha256", model.sha256())
                .put("citation", "UCDP Peace Agreement Dataset v22.1 (Högbladh 2019), CC BY 4.0");
        try {
            return json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    /** Reads MODEL.json from a file; an unreadable file is bad input naming the path. */
    public static DurabilityModel load(java.nio.file.Path file) {
        try {
            return read(file.toString(), org.phasegate.problem.TextFile.decode(file.toString(), java.nio.file.Files.readAllBytes(file)));
        } catch (java.io.IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, 0, "cannot read the durability model: " + e.getMessage(),
                    "write one with 'phasegate durability fit DATA --out MODEL.json'"));
        }
    }

    public static DurabilityModel read(String file, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInputException(new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), "write it with 'phasegate durability fit DATA --out MODEL.json'"));
        }
        var r = new Fields(file, root);
        if (!FORMAT.equals(r.text("/format"))) r.bad("/format", "is not " + FORMAT);
        List<String> names = new ArrayList<>();
        double[] beta = new double[r.size("/covariates")];
        for (int j = 0; j < beta.length; j++) {
            names.add(r.text("/covariates/" + j + "/code"));
            beta[j] = r.number("/covariates/" + j + "/beta");
        }
        double[][] cov = new double[beta.length + 2][beta.length + 2];
        if (r.size("/covariance") != cov.length) r.bad("/covariance", "needs " + cov.length + " rows");
        for (int i = 0; i < cov.length; i++) {
            if (r.size("/covariance/" + i) != cov.length) r.bad("/covariance/" + i, "needs " + cov.length + " numbers");
            for (int k = 0; k < cov.length; k++) cov[i][k] = r.number("/covariance/" + i + "/" + k);
        }
        var rounds = new ArrayList<Selection.Round>();
        for (int i = 0; i < r.size("/selection/rounds"); i++) {
            String p = "/selection/rounds/" + i;
            rounds.add(new Selection.Round(r.text(p + "/candidate"), r.number(p + "/before"), r.number(p + "/after"), r.bool(p + "/added")));
        }
        try {
            var w = new WeibullPh(r.number("/shape"), r.number("/intercept"), names, beta, cov, r.number("/logLikelihood"),
                    (int) r.number("/n"), (int) r.number("/events"));
            var sel = new Selection(r.texts("/selection/forced"), r.texts("/selection/candidates"), (int) r.number("/selection/folds"),
                    (long) r.number("/selection/seed"), rounds, names);
            return new DurabilityModel(w, sel, r.text("/provenance/dataset"), (int) r.number("/provenance/rows"), r.text("/provenance/sha256"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new Problem(file, 0, 0, e.getMessage(), "write it again with 'phasegate durability fit'"));
        }
    }

    /** Typed access to a JSON tree by pointer; a missing or mistyped field is a located problem. */
    private record Fields(String file, JsonNode root) {
        JsonNode node(String pointer) {
            JsonNode n = root.at(pointer);
            if (n.isMissingNode() || n.isNull()) bad(pointer, "is missing");
            return n;
        }

        String text(String pointer) {
            JsonNode n = node(pointer);
            if (!n.isTextual()) bad(pointer, "is not a string");
            return n.asText();
        }

        double number(String pointer) {
            JsonNode n = node(pointer);
            if (!n.isNumber()) bad(pointer, "is not a number");
            return n.asDouble();
        }

        boolean bool(String pointer) {
            JsonNode n = node(pointer);
            if (!n.isBoolean()) bad(pointer, "is not true or false");
            return n.asBoolean();
        }

        int size(String pointer) {
            JsonNode n = node(pointer);
            if (!n.isArray()) bad(pointer, "is not a list");
            return n.size();
        }

        List<String> texts(String pointer) {
            var list = new ArrayList<String>();
            for (int i = 0; i < size(pointer); i++) list.add(text(pointer + "/" + i));
            return list;
        }

        void bad(String pointer, String what) {
            throw new InvalidInputException(new Problem(file, 0, 0, "field " + pointer + " " + what,
                    "write the model with 'phasegate durability fit DATA --out MODEL.json'"));
        }
    }
}
