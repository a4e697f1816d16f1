package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest command on the bundled historical scenarios, with few runs: at least ten resolved questions, and the
 * JSON's scores recomputed here from its own questions by the formulas (Brier; log score with scikit-learn's
 * 1e-15 clamp), not by the scoring code.
 */
class BacktestCommandTest {
    static final Path AGREEMENTS = CliTest.REPO.resolve("../shared/data/agreements/ucdp-pad-1975-2004.csv").normalize();

    static CliTest.Run backtest(String scenario, String... extra) {
        var args = new ArrayList<>(List.of("backtest", "--scenario", CliTest.REPO.resolve("scenarios/" + scenario + ".yaml").toString(),
                "--agreements", AGREEMENTS.toString(), "--runs", "200", "--no-progress"));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void theJanuary2025ScoresRecomputeFromItsOwnQuestionsAndTheChartsAreWritten(@TempDir Path out) throws Exception {
        var r = backtest("gaza-ceasefire-2025-01", "--assumptions", "sceptic", "--format", "json", "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        var json = new ObjectMapper().readTree(r.out());
        recompute(json);
        assertThat(json.get("byKind").get("collapse").get("n").asInt()).isPositive();
        var evaluated = java.time.Instant.parse(json.get("evaluatedAt").asText());
        for (JsonNode q : json.get("questions")) assertThat(java.time.Instant.parse(q.get("by").asText())).isBeforeOrEqualTo(evaluated);
        assertThat(json.get("resolvedEarlyNotScored").asInt()).isPositive();   // e.g. collapse within 90 days, asked in February
        var crps = json.get("crps");
        assertThat(crps.get("baseRate").get("n").asInt()).isPositive();
        double sum = 0;
        for (JsonNode d : crps.get("dates")) sum += d.get("crps").asDouble();
        assertThat(crps.get("meanDays").asDouble()).isCloseTo(sum / crps.get("dates").size(), within(1e-12));
        assertThat(Files.readString(out.resolve("backtest.json"))).isEqualTo(r.out());
        for (String chart : List.of("history", "reliability")) {
            var png = ImageIO.read(out.resolve(chart + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo(chart.equals("history") ? HistoryChart.W : ReliabilityChart.W);
            assertThat(png.getHeight()).isEqualTo(chart.equals("history") ? HistoryChart.H : ReliabilityChart.H);
            assertThat(colours(png)).isGreaterThan(4);   // not blank: white, black text and the series' colours
            var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(chart + ".svg").toFile());
            assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(Files.readAllLines(out.resolve(chart + ".csv")).size()).isGreaterThan(2);
        }
        assertThat(Files.readString(out.resolve("history.csv"))).contains("ceasefire collapsed within 90d");
        var moves = Files.readAllLines(out.resolve("moves.csv"));
        assertThat(moves.getFirst()).isEqualTo("question,from,to,pFrom,pTo,record,type,time");
        assertThat(moves).hasSizeGreaterThan(1);
        for (String row : moves.subList(1, moves.size())) {   // each record credited with a move arrived between its two as-of dates
            String[] f = row.split(",");
            var time = java.time.Instant.parse(f[7]);
            assertThat(time).isAfter(java.time.Instant.parse(f[1])).isBeforeOrEqualTo(java.time.Instant.parse(f[2]));
            assertThat(Math.abs(Double.parseDouble(f[4]) - Double.parseDouble(f[3]))).isGreaterThan(0.05);
        }
    }

    @Test
    void theGaza2025PlanAsFarAsItsEvidenceGoesScoresAtLeastTenQuestions() throws Exception {
        var r = backtest("gaza-2025", "--assumptions", "leverage", "--format", "json", "--horizons", "30,90");
        assertThat(r.exit()).isZero();
        recompute(new ObjectMapper().readTree(r.out()));
    }

    @Test
    void theTextPutsTheScoresSideBySideWithTheNumberResolved() {
        var r = backtest("gaza-ceasefire-2025-01", "--assumptions", "leverage", "--horizons", "30", "--every", "2w");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("model   base rate", "Brier", "log (nats)").containsPattern("\\d+ questions asked, \\d+ resolved");
    }

    @Test
    void badOptionsSayWhichAndWhatToDo() {
        var every = backtest("gaza-ceasefire-2025-01", "--every", "0d");
        assertThat(every.exit()).isEqualTo(2);
        assertThat(every.err()).contains("--every '0d'", "e.g. --every 7d").doesNotContain("Exception");
        var horizon = backtest("gaza-ceasefire-2025-01", "--horizons", "30,0");
        assertThat(horizon.exit()).isEqualTo(2);
        assertThat(horizon.err()).contains("--horizons 0", "at least 1 day");
        var set = backtest("gaza-ceasefire-2025-01", "--assumptions", "optimist");
        assertThat(set.exit()).isEqualTo(2);
        assertThat(set.err()).contains("no such assumption set", "optimist.yaml");
    }

    @Test
    void forecastOutAlsoDrawsTheForecastOverTimeAndItsReliabilitySoFar(@TempDir Path out) throws Exception {
        var file = CliTest.REPO.resolve("scenarios/gaza-ceasefire-2025-01.yaml");
        var s = new org.phasegate.scenario.ScenarioLoader().load(file);
        var records = s.eventsReader().read(CliTest.REPO.resolve("scenarios/gaza-ceasefire-2025-01.events.jsonl"));
        var set = new org.phasegate.forecast.AssumptionSetReader().load(org.phasegate.forecast.AssumptionSetReader.bundled(file, "sceptic"), s);
        var asOf = java.time.Instant.parse("2025-03-10T00:00:00Z");
        ForecastHistory.write(s, records, List.of(), set, 1, 100, 2, asOf, out, AGREEMENTS, new java.io.PrintWriter(java.io.Writer.nullWriter()), true);
        var history = Files.readAllLines(out.resolve("history.csv"));
        assertThat(history.getLast()).startsWith("ceasefire collapsed within 90d,2025-03-05T00:00:00Z,");   // the last as-of date not after 10 March
        assertThat(ImageIO.read(out.resolve("history.png").toFile()).getWidth()).isEqualTo(HistoryChart.W);
        assertThat(ImageIO.read(out.resolve("reliability.png").toFile()).getHeight()).isEqualTo(ReliabilityChart.H);
    }

    /** brier, log and baseRate.{brier,log} against the formulas over questions[]; at least ten resolved. */
    private static void recompute(JsonNode json) {
        var qs = json.get("questions");
        assertThat(qs.size()).isGreaterThanOrEqualTo(10).isEqualTo(json.get("resolved").asInt());
        double brier = 0, log = 0, baseBrier = 0, baseLog = 0;
        for (JsonNode q : qs) {
            assertThat(q.get("id").asText()).isNotBlank();
            assertThat(q.get("asOf").asText()).isNotBlank();
            int o = q.get("outcome").asInt();
            assertThat(o).isIn(0, 1);
            double p = q.get("p").asDouble(), b = q.get("baseRate").asDouble();
            brier += (p - o) * (p - o);
            baseBrier += (b - o) * (b - o);
            log += logLoss(p, o);
            baseLog += logLoss(b, o);
        }
        int n = qs.size();
        assertThat(json.get("brier").asDouble()).isCloseTo(brier / n, within(1e-12));
        assertThat(json.get("log").asDouble()).isCloseTo(log / n, within(1e-9));
        assertThat(json.get("baseRate").get("brier").asDouble()).isCloseTo(baseBrier / n, within(1e-12));
        assertThat(json.get("baseRate").get("log").asDouble()).isCloseTo(baseLog / n, within(1e-9));
    }

    /** −ln of the probability given to what happened, p first clamped to [1e-15, 1 − 1e-15] as scikit-learn's log_loss did. */
    private static double logLoss(double p, int o) {
        double c = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
        return -Math.log(o == 1 ? c : 1 - c);
    }

    private static long colours(java.awt.image.BufferedImage img) {
        var seen = new java.util.HashSet<Integer>();
        for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2) seen.add(img.getRGB(x, y));
        return seen.size();
    }
}
