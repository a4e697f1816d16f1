package org.phasegate.bargain;

import java.util.List;
import java.util.Objects;

/**
 * A bargaining problem: actors over one or more issue dimensions, the model
 * parameters and the seed for stochastic runs. The same record comes from a
 * KTAB CSV or XML file or from a Phasegate YAML issue file.
 */
public record Issue(String name, String description, List<String> dimensions, List<Actor> actors,
                    List<IdealAdjustment> idealAdjustments, ModelParameters parameters, long seed) {

    /** KTAB's default seed (15455440707583219804 as an unsigned 64-bit number). */
    public static final long KTAB_DEFAULT_SEED = Long.parseUnsignedLong("15455440707583219804");

    public static final int MIN_ACTORS = 3;
    public static final int MAX_ACTORS = 250;

    public Issue {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        dimensions = List.copyOf(dimensions);
        actors = List.copyOf(actors);
        idealAdjustments = List.copyOf(idealAdjustments);
        Objects.requireNonNull(parameters, "parameters");
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("an issue needs at least one dimension");
        }
        if (actors.size() < MIN_ACTORS || actors.size() > MAX_ACTORS) {
            throw new IllegalArgumentException("an issue needs " + MIN_ACTORS + " to " + MAX_ACTORS
                    + " actors, has " + actors.size());
        }
        for (Actor a : actors) {
            if (a.dimensions() != dimensions.size()) {
                throw new IllegalArgumentException("actor " + a.name() + " has " + a.dimensions()
                        + " dimensions, the issue " + dimensions.size());
            }
        }
        for (IdealAdjustment ia : idealAdjustments) {
            if (ia.adjusting() >= actors.size() || ia.reference() >= actors.size()) {
                throw new IllegalArgumentException("ideal adjustment names actor index beyond " + (actors.size() - 1));
            }
        }
        double[][] acc = accommodation(actors.size(), idealAdjustments);
        for (int i = 0; i < acc.length; i++) {
            double sum = 0;
            for (double v : acc[i]) {
                sum += v;
            }
            if (sum > 1 + 1E-10) {
                throw new IllegalArgumentException("ideal adjustments of actor " + actors.get(i).name()
                        + " add up to " + sum + "; they may add up to at most 1 (give the actor's own weight too)");
            }
        }
    }

    public Issue withParameters(ModelParameters p) {
        return new Issue(name, description, dimensions, actors, idealAdjustments, p, seed);
    }

    public Issue withSeed(long s) {
        return new Issue(name, description, dimensions, actors, idealAdjustments, parameters, s);
    }

    /**
     * The accommodation matrix: identity, with each adjustment overwriting its
     * entry (so a pair naming an actor twice replaces the diagonal 1).
     */
    double[][] accommodation() {
        return accommodation(actors.size(), idealAdjustments);
    }

    private static double[][] accommodation(int n, List<IdealAdjustment> idealAdjustments) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1.0;
        }
        for (IdealAdjustment ia : idealAdjustments) {
            a[ia.adjusting()][ia.reference()] = ia.weight();
        }
        return a;
    }
}
