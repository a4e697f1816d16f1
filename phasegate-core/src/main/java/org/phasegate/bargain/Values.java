package org.phasegate.bargain;

/** Number parsing with range checks and user-facing messages. */
final class Values {
    private Values() {
    }

    static double number(String file, int line, String s, String what, double min, double max) throws IssueParseException {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IssueParseException(file, line, what + " '" + s + "' is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new IssueParseException(file, line, what + " is " + s + "; it must lie between "
                    + fmt(min) + " and " + fmt(max));
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
