package org.phasegate.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Kaplan–Meier estimate of survival from right-censored times, with Greenwood's variance and a 95% interval
 * on the log(−log S) scale (it stays inside [0, 1]). Pure: built from (days, event) pairs.
 */
public record KaplanMeier(List<Step> steps, int n) {
    private static final double Z95 = 1.959963984540054;

    /** At {@code day}, {@code atRisk} were still in force and {@code events} ended; S and Greenwood's sum just after. */
    public record Step(long day, int atRisk, int events, double survival, double greenwood) {
    }

    public KaplanMeier {
        steps = List.copyOf(steps);
    }

    public static KaplanMeier of(List<Agreement> agreements) {
        var ends = new TreeMap<Long, int[]>();   // day -> {events, leaving}
        for (Agreement a : agreements) {
            int[] c = ends.computeIfAbsent(a.days(), d -> new int[2]);
            if (a.event()) c[0]++;
            c[1]++;
        }
        var steps = new ArrayList<Step>();
        int atRisk = agreements.size();
        double s = 1, sum = 0;
        for (var e : ends.entrySet()) {
            int d = e.getValue()[0];
            if (d > 0) {
                s *= 1 - (double) d / atRisk;
                sum += atRisk == d ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
                steps.add(new Step(e.getKey(), atRisk, d, s, sum));
            }
            atRisk -= e.getValue()[1];
        }
        return new KaplanMeier(steps, agreements.size());
    }

    /** S(day): the share still in force after {@code day} days (ends on that day count). */
    public double survival(double day) {
        Step last = last(day);
        return last == null ? 1 : last.survival();
    }

    /** P(ended within {@code day} days) = 1 − S(day). */
    public double ended(double day) {
        return 1 - survival(day);
    }

    /** 95% interval for S(day): {low, high}. */
    public double[] interval(double day) {
        Step last = last(day);
        if (last == null) return new double[] {1, 1};
        double s = last.survival();
        if (s <= 0 || s >= 1 || Double.isInfinite(last.greenwood())) return new double[] {s, s};
        double se = Math.sqrt(last.greenwood()) / Math.abs(Math.log(s));
        double low = Math.pow(s, Math.exp(Z95 * se));
        double high = Math.pow(s, Math.exp(-Z95 * se));
        return new double[] {low, high};
    }

    private Step last(double day) {
        Step found = null;
        for (Step st : steps) {
            if (st.day() > day) break;
            found = st;
        }
        return found;
    }
}
