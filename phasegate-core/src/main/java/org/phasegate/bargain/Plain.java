package org.phasegate.bargain;

import java.util.Locale;

/**
 * Numbers formatted without localisation ({@link java.util.Formatter}'s documented null locale): the same ASCII
 * digits, '.' and '-' as {@code Locale.ROOT} gives, without loading the JDK's locale data, which took about a tenth
 * of a small {@code bargain}'s start-up.
 */
final class Plain {
    private Plain() {
    }

    static String format(String pattern, Object... args) {
        return String.format((Locale) null, pattern, args);
    }
}
