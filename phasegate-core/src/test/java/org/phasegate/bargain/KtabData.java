package org.phasegate.bargain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The KTAB conformance data in ../shared/data/ktab, read where it lies. */
final class KtabData {
    private KtabData() {
    }

    static Path dir() {
        return Path.of(System.getProperty("phasegate.root", ".")).resolve("../shared/data/ktab").normalize();
    }

    /** Cases with an expected position history, by name (input file name without extension). */
    static List<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(dir().resolve("expected"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".positions.csv"))
                    .map(n -> n.substring(0, n.length() - ".positions.csv".length()))
                    .sorted().toList();
        }
    }

    static Path input(String name) {
        Path csv = dir().resolve("inputs").resolve(name + ".csv");
        return Files.exists(csv) ? csv : dir().resolve("inputs").resolve(name + ".xml");
    }

    /** Expected values: turn -> [actor][dim] on the 0–100 scale. */
    static Map<Integer, double[][]> expected(String name, String kind, int actors, int dims) throws IOException {
        Map<Integer, double[][]> byTurn = new HashMap<>();
        List<String> lines = Files.readAllLines(dir().resolve("expected").resolve(name + "." + kind + ".csv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            int t = Integer.parseInt(f[0]);
            byTurn.computeIfAbsent(t, x -> new double[actors][dims])[Integer.parseInt(f[1])][Integer.parseInt(f[2])] =
                    Double.parseDouble(f[3]);
        }
        return byTurn;
    }

    static List<String> differences(BargainResult r, Map<Integer, double[][]> expected, double tol, boolean ideals) {
        List<String> out = new ArrayList<>();
        for (var e : expected.entrySet()) {
            int t = e.getKey();
            if (t > r.lastTurn()) {
                continue;
            }
            for (int i = 0; i < r.actors(); i++) {
                for (int k = 0; k < r.dimensions(); k++) {
                    double ours = ideals ? r.ideal(t, i, k) : r.position(t, i, k);
                    double theirs = e.getValue()[i][k];
                    if (Math.abs(ours - theirs) > tol) {
                        out.add("turn " + t + " actor " + i + " dim " + k + ": ours " + ours + ", KTAB " + theirs);
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }
}
