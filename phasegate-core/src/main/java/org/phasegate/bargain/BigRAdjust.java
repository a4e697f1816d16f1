package org.phasegate.bargain;

/** How far actor h's estimate of actor i's risk attitude moves from h's own toward i's. */
public enum BigRAdjust implements ModelParameters.Named {
    FULL("Full"), TWO_THIRDS("TwoThirds"), HALF("Half"), ONE_THIRD("OneThird"), NONE("None");

    private final String ktabName;

    BigRAdjust(String n) { ktabName = n; }

    @Override public String ktabName() { return ktabName; }

    double estimate(double rh, double ri) {
        return switch (this) {
            case FULL -> ri;
            case TWO_THIRDS -> (rh + (2.0 * ri)) / 3.0;
            case HALF -> (rh + ri) / 2;
            case ONE_THIRD -> ((2.0 * rh) + ri) / 3.0;
            case NONE -> rh;
        };
    }
}
