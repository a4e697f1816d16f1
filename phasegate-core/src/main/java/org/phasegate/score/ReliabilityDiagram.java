package org.phasegate.score;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The data of a reliability diagram: forecasts grouped into bins, and for each bin that holds any forecast its
 * edges, the count, the mean forecast and the observed frequency (the share that resolved yes). A well-calibrated
 * forecaster's points lie on the diagonal. Empty bins are left out, as scikit-learn's calibration_curve does; each
 * bin keeps its index and edges, so a gap shows which were empty.
 */
public record ReliabilityDiagram(String grouping, List<Bin> bins) {

    /** One bin: [lower, upper] as {@link Binning} says (lower = upper = the value when grouped by distinct value). */
    public record Bin(int index, double lower, double upper, int count, double meanForecast, double observedFrequency) {
        public Bin {
            if (count < 1) throw new IllegalArgumentException("a bin in the diagram holds at least one forecast, not " + count);
            if (!(lower <= upper)) throw new IllegalArgumentException("bin " + index + " has lower edge " + lower + " above upper " + upper);
        }
    }

    public ReliabilityDiagram {
        bins = List.copyOf(bins);
        if (bins.isEmpty()) throw new IllegalArgumentException("a reliability diagram needs at least one forecast");
    }

    /** Equal-width bins on [0, 1] (see {@link Binning} for which bin an edge belongs to). */
    public static ReliabilityDiagram of(BinaryForecasts f, Binning binning) {
        var sums = new TreeMap<Integer, double[]>();   // bin -> {count, sum p, sum outcome}
        for (int i = 0; i < f.size(); i++) add(sums, binning.of(f.p(i)), f, i);
        var bins = new ArrayList<Bin>();
        for (var e : sums.entrySet()) {
            int k = e.getKey();
            bins.add(bin(k, binning.lower(k), binning.upper(k), e.getValue()));
        }
        return new ReliabilityDiagram(binning.bins() + " equal-width bins on [0, 1], right-closed", bins);
    }

    /** One bin per distinct forecast value: the grouping under which Murphy's decomposition is exact. */
    public static ReliabilityDiagram byValue(BinaryForecasts f) {
        var ranks = new TreeMap<Double, Integer>();
        for (int i = 0; i < f.size(); i++) ranks.put(f.p(i), 0);
        int r = 0;
        for (var e : ranks.entrySet()) e.setValue(r++);
        var sums = new TreeMap<Integer, double[]>();
        for (int i = 0; i < f.size(); i++) add(sums, ranks.get(f.p(i)), f, i);
        var bins = new ArrayList<Bin>();
        for (var e : ranks.entrySet()) bins.add(bin(e.getValue(), e.getKey(), e.getKey(), sums.get(e.getValue())));
        return new ReliabilityDiagram("one bin per distinct forecast value", bins);
    }

    /** Number of forecasts over all bins. */
    public int count() {
        return bins.stream().mapToInt(Bin::count).sum();
    }

    private static void add(TreeMap<Integer, double[]> sums, int bin, BinaryForecasts f, int i) {
        double[] s = sums.computeIfAbsent(bin, k -> new double[3]);
        s[0]++;
        s[1] += f.p(i);
        s[2] += f.outcome(i);
    }

    private static Bin bin(int index, double lower, double upper, double[] s) {
        return new Bin(index, lower, upper, (int) s[0], s[1] / s[0], s[2] / s[0]);
    }
}
