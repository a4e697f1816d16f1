package org.phasegate.forecast;

import java.util.Comparator;
import java.util.List;

/**
 * A measure that no obligation targets, stood in for by an obligation's progress. With one level, any threshold on
 * the measure is taken as reached once {@code obligation} is {@code at} (0..1) of the way done. With several
 * {@code levels} (a threshold value on the measure and the share of the obligation that stands for it, e.g. 30% of
 * a measure at 0.3 of one task, 100% at its end), a threshold is reached at the share read off the line through
 * (0, 0) and those points, and at the last share beyond the last point.
 */
public record Proxy(String measure, String obligation, double at, List<Level> levels) {

    /** A threshold value on the measure and the share of the obligation's progress that stands for it. */
    public record Level(double value, double share) {
        public Level {
            if (!(value > 0) || !Double.isFinite(value)) throw new IllegalArgumentException("a proxy level's value must be positive, got " + value);
            if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("a proxy level's share must lie in (0, 1], got " + share);
        }
    }

    public Proxy {
        levels = levels.stream().sorted(Comparator.comparingDouble(Level::value)).toList();
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).value() == levels.get(i - 1).value()) throw new IllegalArgumentException("proxy level " + levels.get(i).value() + " is given twice");
            if (levels.get(i).share() < levels.get(i - 1).share()) throw new IllegalArgumentException("proxy shares must not fall as the level rises");
        }
    }

    /** One level for every threshold on the measure. */
    public Proxy(String measure, String obligation, double at) {
        this(measure, obligation, at, List.of());
    }

    /** The share of the obligation's progress that stands for a threshold at {@code value} on the measure. */
    public double shareAt(double value) {
        if (levels.isEmpty()) return at;
        double x0 = 0, y0 = 0;
        for (Level l : levels) {
            if (value <= l.value()) return y0 + (l.share() - y0) * (value - x0) / (l.value() - x0);
            x0 = l.value();
            y0 = l.share();
        }
        return y0;
    }
}
