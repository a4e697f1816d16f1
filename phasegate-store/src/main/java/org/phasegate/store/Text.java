package org.phasegate.store;

/**
 * Bounds on text the store writes into the ledger (names, ids, reasons): a length limit, no control characters
 * (newlines included, unless allowed), no lone surrogates. A refusal names the field and quotes the value (shortened).
 */
public final class Text {
    private Text() {
    }

    /** The value, or a refusal; {@code multiline} allows newlines and tabs (e.g. in a reason). */
    public static String check(String field, String value, int maxChars, boolean multiline) {
        if (value == null || value.isBlank()) throw new StoreException(field + " is empty; give a value");
        int n = value.codePointCount(0, value.length());
        if (n > maxChars) throw new StoreException(field + " " + quote(value) + " is " + n + " characters long; at most " + maxChars + " are allowed");
        value.codePoints().filter(cp -> cp <= 0xFFFF && Character.isSurrogate((char) cp) || bad(cp, multiline)).findFirst().ifPresent(cp -> {
            throw new StoreException(field + " " + quote(value) + " contains " + describe(cp) + "; remove it");
        });
        return value;
    }

    private static boolean bad(int cp, boolean multiline) {
        if (multiline && (cp == '\n' || cp == '\t' || cp == '\r')) return false;
        return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029;
    }

    private static String describe(int cp) {
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) return String.format("a lone surrogate (U+%04X: broken Unicode)", cp);
        return String.format("a control character (U+%04X)", cp);
    }

    /** The value in quotes, at most about 80 characters, control characters and lone surrogates shown as '?'. */
    public static String quote(String value) {
        var shown = value.codePoints().map(cp -> Character.isISOControl(cp) || cp <= 0xFFFF && Character.isSurrogate((char) cp) ? '?' : cp)
                .limit(81).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (shown.codePointCount(0, shown.length()) > 80 ? shown.substring(0, shown.offsetByCodePoints(0, 77)) + "..." : shown) + "'";
    }
}
