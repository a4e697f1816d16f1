package org.phasegate.evidence;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which two organisation names are the same organisation: Unicode NFKC, case-folded, whitespace
 * collapsed to one space and trimmed, so {@code "UNOPS "}, {@code "unops"} and {@code "ＵＮＯＰＳ"} are one.
 */
public final class OrgName {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+", Pattern.UNICODE_CHARACTER_CLASS);

    private OrgName() {
    }

    public static String normalise(String name) {
        var compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        // upper then lower approximates Unicode case folding (ß and SS fold together); NFKC again as folding may decompose
        var folded = Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }

    /** The name as shown: whitespace collapsed and trimmed, otherwise as given. */
    public static String display(String name) {
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }
}
