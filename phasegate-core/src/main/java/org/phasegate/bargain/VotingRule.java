package org.phasegate.bargain;

/** How an actor's weight and utility difference between two options become a vote. */
public enum VotingRule implements ModelParameters.Named {
    BINARY("Binary"), PROP_BIN("PropBin"), PROP("Prop"), PROP_CBC("PropCbc"), CUBIC("Cubic"), ASYM_PROSP("ASymProsp");

    private static final double BINARY_TOLERANCE = 1E-8;
    private static final double PROP_BIN_MIX = 0.2;
    private static final double PROP_CBC_MIX = 0.5;

    private final String ktabName;

    VotingRule(String n) { ktabName = n; }

    @Override public String ktabName() { return ktabName; }

    /** The vote of an actor of weight {@code w} for option 1 over option 2 (negative: for 2). */
    public double vote(double w, double u1, double u2) {
        double du = u1 - u2;
        return switch (this) {
            case BINARY -> w * binary(du);
            case PROP_BIN -> w * ((1 - PROP_BIN_MIX) * du + PROP_BIN_MIX * binary(du));
            case PROP -> w * du;
            case PROP_CBC -> w * ((1 - PROP_CBC_MIX) * du + PROP_CBC_MIX * (du * du * du));
            case CUBIC -> w * (du * du * du);
            case ASYM_PROSP -> du < 0.0 ? w * du : (0.0 < du ? (2.0 * w * du) / 3.0 : 0.0);
        };
    }

    private static double binary(double du) {
        double r = du / BINARY_TOLERANCE;
        r = r > 1 ? 1 : r;
        return r < -1 ? -1 : r;
    }
}
