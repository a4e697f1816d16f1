package org.phasegate.bargain;

/** Small text helpers shared by the readers. */
final class Text {
    private Text() {
    }

    /** Lines without terminators, after dropping a byte-order mark. */
    static String[] lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.split("\r\n|\n|\r", -1);
    }
}
