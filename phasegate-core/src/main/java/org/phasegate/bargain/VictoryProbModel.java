package org.phasegate.bargain;

/** How a coalition's strength ratio becomes its probability of winning. */
public enum VictoryProbModel implements ModelParameters.Named {
    LINEAR("Linear"), SQUARE("Square"), QUARTIC("Quartic"), OCTIC("Octic"), BINARY("Binary");

    // a 10% edge either way decides a Binary contest; in between it interpolates
    private static final double BINARY_THRESHOLD = 1.10;
    private static final double BINARY_MIN = 1E-6;

    private final String ktabName;

    VictoryProbModel(String n) { ktabName = n; }

    @Override public String ktabName() { return ktabName; }

    /** The pair (p1, p2) of probabilities that strength s1 beats s2 and the reverse. */
    void probabilities(double s1, double s2, double[] out) {
        double x1;
        double x2;
        switch (this) {
            case LINEAR -> { x1 = s1; x2 = s2; }
            case SQUARE -> { x1 = s1 * s1; x2 = s2 * s2; }
            case QUARTIC -> { x1 = quartic(s1); x2 = quartic(s2); }
            case OCTIC -> { x1 = quartic(s1) * quartic(s1); x2 = quartic(s2) * quartic(s2); }
            default -> {
                if (s1 >= BINARY_THRESHOLD * s2) {
                    x1 = 1.0;
                    x2 = BINARY_MIN;
                } else if (s2 >= BINARY_THRESHOLD * s1) {
                    x1 = BINARY_MIN;
                    x2 = 1.0;
                } else {
                    double r12 = s1 / (s1 + s2);
                    double p12 = (r12 * (BINARY_THRESHOLD + 1.0) - 1.0) / (BINARY_THRESHOLD - 1.0);
                    x1 = p12;
                    x2 = 1 - p12;
                }
            }
        }
        out[0] = x1 / (x1 + x2);
        out[1] = x2 / (x1 + x2);
    }

    private static double quartic(double x) {
        double x2 = x * x;
        return x2 * x2;
    }
}
