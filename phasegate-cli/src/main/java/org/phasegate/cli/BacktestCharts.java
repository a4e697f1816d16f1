package org.phasegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.phasegate.backtest.BacktestResult;
import org.phasegate.backtest.HistorySeries;

/**
 * Writes a backtest into a directory: backtest.txt and backtest.json; history.svg/.png (the forecast over time) with
 * history.csv and moves.csv as its text alternative; reliability.svg/.png with reliability.csv. Each file is written
 * whole or not at all.
 */
final class BacktestCharts {
    private BacktestCharts() {
    }

    static void write(BacktestResult r, Path dir, String text, String json, int runs) {
        try {
            Files.createDirectories(dir);
            Outputs.writeAtomically(dir.resolve("backtest.txt"), text);
            Outputs.writeAtomically(dir.resolve("backtest.json"), json);
            writeCharts(r, dir, runs);
        } catch (IOException e) {
            throw new OutputProblem("--out", dir, e);
        }
    }

    /** The two charts and their CSV, without the report files (the forecast command writes its own). */
    static void writeCharts(BacktestResult r, Path dir, int runs) throws IOException {
        String title = HistoryChart.title(r.scenario(), r.assumptionSet(), runs, r.seed());
        var series = HistorySeries.of(r);
        var to = r.steps().isEmpty() ? r.plan().until() : r.steps().getLast().asOf();
        both(dir, "history", HistoryChart.W, HistoryChart.H, c -> HistoryChart.draw(c, title, series, r.plan().from(), to));
        Outputs.writeAtomically(dir.resolve("history.csv"), historyCsv(series, r.steps()));
        Outputs.writeAtomically(dir.resolve("moves.csv"), movesCsv(series));
        var scores = r.scores();
        if (scores.isEmpty()) return;
        var c = scores.get();
        both(dir, "reliability", ReliabilityChart.W, ReliabilityChart.H,
                canvas -> ReliabilityChart.draw(canvas, title, c.model().reliability(), c.baseRate().reliability()));
        Outputs.writeAtomically(dir.resolve("reliability.csv"), reliabilityCsv(c));
    }

    private static void both(Path dir, String name, int w, int h, Consumer<Canvas> draw) throws IOException {
        var svg = new Canvas.Svg(w, h);
        draw.accept(svg);
        Outputs.writeAtomically(dir.resolve(name + ".svg"), svg.render());
        var png = new Canvas.Png(w, h);
        draw.accept(png);
        Path tmp = Files.createTempFile(dir.toAbsolutePath(), "." + name, ".png.tmp");
        try {
            png.write(tmp);
            Files.move(tmp, dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** One row per question and as-of date; then, when the scenario reads imported series, each dataset's last day known at that date. */
    private static String historyCsv(List<HistorySeries> series, List<BacktestResult.Step> steps) {
        var upTo = new java.util.HashMap<java.time.Instant, java.util.Map<String, java.util.Optional<java.time.LocalDate>>>();
        steps.forEach(st -> upTo.put(st.asOf(), st.importedUpTo()));
        var datasets = steps.isEmpty() ? List.<String>of() : List.copyOf(steps.getFirst().importedUpTo().keySet());
        var b = new StringBuilder("question,asOf,p,se,low,high,baseRate,outcome");
        datasets.forEach(d -> b.append(",").append(Outputs.csvField("importedUpTo:" + d)));
        b.append('\n');
        for (var s : series) {
            for (var p : s.points()) {
                b.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%s", Outputs.csvField(s.label()), p.asOf(), p.p(), p.se(),
                        Math.max(0, p.p() - 2 * p.se()), Math.min(1, p.p() + 2 * p.se()), p.baseRate(), p.outcome() == null ? "" : p.outcome()));
                var days = upTo.getOrDefault(p.asOf(), java.util.Map.of());
                datasets.forEach(d -> b.append(",").append(days.getOrDefault(d, java.util.Optional.empty()).map(Object::toString).orElse("")));
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String movesCsv(List<HistorySeries> series) {
        var b = new StringBuilder("question,from,to,pFrom,pTo,record,type,time\n");
        for (var s : series) {
            for (var m : s.moves()) {
                for (var r : m.records()) {
                    b.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%s,%s,%s%n", Outputs.csvField(s.label()), m.from(), m.to(), m.pFrom(), m.pTo(),
                            Outputs.csvField(r.id()), Outputs.csvField(r.type()), r.time()));
                }
            }
        }
        return b.toString();
    }

    private static String reliabilityCsv(BacktestResult.Compared c) {
        var b = new StringBuilder("forecaster,bin,lower,upper,count,meanForecast,observedFrequency\n");
        for (var who : List.of("model", "baseRate")) {
            var d = who.equals("model") ? c.model().reliability() : c.baseRate().reliability();
            for (var bin : d.bins()) {
                b.append(String.format(Locale.ROOT, "%s,%d,%.2f,%.2f,%d,%.6f,%.6f%n", who, bin.index(), bin.lower(), bin.upper(), bin.count(),
                        bin.meanForecast(), bin.observedFrequency()));
            }
        }
        return b.toString();
    }
}
