package org.phasegate.forecast;

/**
 * Counts of runs by when each event happened (a phase completed, a gate first opened, the ceasefire collapsed, the
 * fallback began): per reported date, per curve point (one per step) and per day (for the quantiles). Its size
 * depends on the horizon and the number of events, never on the number of runs; tallies of disjoint runs add up,
 * and integer sums do not depend on the order, so results are the same on any number of threads.
 */
final class Tally {
    /** Series index of the collapse and of the fallback, after the phases and the gates. */
    final int collapse;
    final int fallback;
    private final double[] byDays;
    private final double dt;
    private final int[][] by;
    private final int[][] curve;
    private final int[][] days;
    private final int[] blockers;
    private int runs;

    Tally(int phases, int gates, double[] byDays, int steps, double dt) {
        int series = phases + gates + 2;
        this.collapse = phases + gates;
        this.fallback = collapse + 1;
        this.byDays = byDays.clone();
        this.dt = dt;
        by = new int[series][byDays.length];
        curve = new int[series][steps + 1];
        days = new int[series][(int) Math.ceil(steps * dt) + 1];
        blockers = new int[Math.min(64, gates)];
    }

    void add(RunResult r) {
        runs++;
        int phases = r.phaseDone().length;
        for (int p = 0; p < phases; p++) add(p, r.phaseDone()[p]);
        for (int g = 0; g < r.gateOpened().length; g++) add(phases + g, r.gateOpened()[g]);
        add(collapse, r.collapse());
        add(fallback, r.fallback());
        for (int g = 0; g < blockers.length; g++) if ((r.blockers() & (1L << g)) != 0) blockers[g]++;
    }

    private void add(int series, double day) {
        if (Double.isNaN(day)) return;
        for (int i = 0; i < byDays.length; i++) if (day <= byDays[i] + 1e-9) by[series][i]++;
        int k = (int) Math.ceil(day / dt - 1e-9);
        if (k < curve[series].length) curve[series][Math.max(0, k)]++;
        int d = (int) Math.ceil(day - 1e-9);
        if (d < days[series].length) days[series][Math.max(0, d)]++;
    }

    synchronized void merge(Tally other) {
        runs += other.runs;
        for (int s = 0; s < by.length; s++) {
            for (int i = 0; i < by[s].length; i++) by[s][i] += other.by[s][i];
            for (int i = 0; i < curve[s].length; i++) curve[s][i] += other.curve[s][i];
            for (int i = 0; i < days[s].length; i++) days[s][i] += other.days[s][i];
        }
        for (int g = 0; g < blockers.length; g++) blockers[g] += other.blockers[g];
    }

    int runs() {
        return runs;
    }

    /** Runs in which the event happened by the i-th reported date. */
    int by(int series, int i) {
        return by[series][i];
    }

    /** Runs in which the event happened by the end of each step (cumulative; index 0 = at the start). */
    int[] curve(int series) {
        int[] out = curve[series].clone();
        for (int k = 1; k < out.length; k++) out[k] += out[k - 1];
        return out;
    }

    /** Runs in which the event happened within the horizon. */
    int within(int series) {
        int n = 0;
        for (int c : curve[series]) n += c;
        return n;
    }

    /**
     * The day by which a share {@code level} of the runs in which the event happened had it: the day of the
     * (floor(level × n) + 1)-th earliest, n being those runs; -1 if none.
     */
    int quantileDay(int series, double level) {
        int n = within(series);
        if (n == 0) return -1;
        int rank = Math.min(n - 1, (int) Math.floor(level * n));
        int seen = 0;
        for (int d = 0; d < days[series].length; d++) {
            seen += days[series][d];
            if (seen > rank) return d;
        }
        return days[series].length - 1;
    }

    int blockers(int gate) {
        return blockers[gate];
    }

    int blockerGates() {
        return blockers.length;
    }
}
