package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityCommandTest {
    private static final Path DATA = Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath()
            .resolve("../shared/data/agreements/ucdp-pad-1975-2004.csv").normalize();

    private static final java.util.Map<String, Integer> LUSAKA = java.util.Map.ofEntries(java.util.Map.entry("cease", 1),
            java.util.Map.entry("intarmy", 1), java.util.Map.entry("ddr", 0), java.util.Map.entry("withd", 1), java.util.Map.entry("pp", 0),
            java.util.Map.entry("intgov", 0), java.util.Map.entry("intciv", 0), java.util.Map.entry("elections", 0),
            java.util.Map.entry("interim", 0), java.util.Map.entry("natalks", 1), java.util.Map.entry("shagov", 0), java.util.Map.entry("aut", 0),
            java.util.Map.entry("fed", 0), java.util.Map.entry("ind", 0), java.util.Map.entry("ref", 0), java.util.Map.entry("shaloc", 0),
            java.util.Map.entry("regdev", 0), java.util.Map.entry("cul", 0), java.util.Map.entry("locgov", 0), java.util.Map.entry("amn", 0),
            java.util.Map.entry("pris", 1), java.util.Map.entry("recon", 1), java.util.Map.entry("return", 0),
            java.util.Map.entry("reaffirm", 0), java.util.Map.entry("outlin", 1), java.util.Map.entry("pko", 1),
            java.util.Map.entry("gender", 1), java.util.Map.entry("co_impl", 1));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** fit then predict: one row per agreement, p recomputed here from MODEL.json's numbers: 1 − exp(−(t/365.25)^k·e^η). */
    @Test
    void fitWritesAModelAndPredictFollowsTheContract(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json");
        assertThat(run("durability", "fit", DATA.toString(), "--out", model.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("n = 227 agreements, 87 ended", "cease ", "pko ", "95% CI", "forced", "cross-validation",
                "concordance", "Brier at 1 year");
        assertThat(out.toString()).contains("Time-split cross-validation (rolling origin)", "1993-1994  70 (30)       44 (23)", "2000-      175 (76)      52 (11)",
                "pooled over 157 agreements (57 ended)", "every scored agreement was observed past 2 years");
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        assertThat(m.at("/provenance/rows").asInt()).isEqualTo(227);
        assertThat(m.at("/provenance/sha256").asText()).hasSize(64);

        out.getBuffer().setLength(0);
        assertThat(run("durability", "predict", "--model", model.toString(), DATA.toString(), "--horizon-days", "365", "--format", "csv"))
                .as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("paid,p");
        assertThat(lines).hasSize(228);
        assertThat(lines.get(1)).startsWith("1003,");
        String[] row1004 = lines.get(2).split(",");
        assertThat(row1004[0]).isEqualTo("1004");
        // Lusaka Accord (1004), signed 1999-08-31: its provisions as read from the file by hand
        double eta = m.at("/intercept").asDouble();
        for (JsonNode c : m.at("/covariates")) eta += c.at("/beta").asDouble() * LUSAKA.get(c.at("/code").asText());
        double expected = 1 - Math.exp(-Math.pow(365 / 365.25, m.at("/shape").asDouble()) * Math.exp(eta));
        assertThat(Double.parseDouble(row1004[1])).isCloseTo(expected, within(1e-12));
    }

    @Test
    void badInputIsLocatedWithExitCode2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "paid,pa_date,ended,duration,censor_point,cease,pko\n1,2000-01-01,,,2021-12-31,1,0\n2,2000-02-30,,,2021-12-31,1,0\n");
        assertThat(run("durability", "fit", bad.toString(), "--out", dir.resolve("m.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(bad + ":3:3: pa_date '2000-02-30' is not a date");
        assertThat(Files.exists(dir.resolve("m.json"))).isFalse();
        assertThat(run("durability", "predict", "--model", dir.resolve("none.json").toString(), bad.toString(), "--horizon-days", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("none.json: cannot read the durability model");
        assertThat(run("durability", "fit", DATA.toString(), "--covariates", "cease,peace", "--out", dir.resolve("m.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--covariates cease,peace: unknown provision code 'peace'");
        assertThat(run("durability", "fit", DATA.toString(), "--cv-origins", "1995,1993", "--out", dir.resolve("m.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--cv-origins 1995,1993: origin years must increase: 1993 follows 1995");
        assertThat(Files.exists(dir.resolve("m.json"))).isFalse();
        assertThat(run("durability", "predict", "--model", dir.resolve("none.json").toString(), bad.toString(), "--horizon-days", "-3")).isEqualTo(2);
        assertThat(err.toString()).contains("the horizon must be a finite number of days, 0 or more");
    }

}
