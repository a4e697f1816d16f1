package org.phasegate.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 4180 records read straight from a file's UTF-8 bytes: the import's hot path, where a general parser spent a third
 * of the reader's time. It gives the records Jackson's CSV parser gives with its default schema ({@code CsvRecordsTest}
 * compares the two on generated and mutated files): a leading byte-order mark skipped; CRLF, LF or a lone CR ending a
 * line; a field quoted only when its first byte is a quote, {@code ""} inside it one quote, quoted separators and line
 * breaks kept, spaces and control bytes after the closing quote skipped; a blank line one empty field; each record's
 * line is where it starts. Unlike Jackson, UTF-8 is decoded strictly: an overlong form or an encoded surrogate
 * refuses the file rather than becoming a different character.
 */
final class CsvRecords {
    /** A record: the line it starts on and its fields. */
    record Record(long line, String[] fields) {
    }

    /** The file is not CSV this reader can take; where and why. */
    static final class Unreadable extends Exception {
        final int line;
        final int column;

        Unreadable(long line, long column, String message) {
            super(message, null, false, false);
            this.line = (int) Math.min(line, Integer.MAX_VALUE);
            this.column = (int) Math.min(column, Integer.MAX_VALUE);
        }
    }

    /** As Jackson's default limit on one value, so a runaway quote cannot take the heap. */
    static final int MAX_FIELD = 20_000_000;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private long line = 1;
    private long lineStart;   // the absolute offset of the current line's first byte
    private long base;        // the absolute offset of buf[0]
    private byte[] spill = new byte[256];
    private int spilled;
    private boolean nonAscii;
    private byte lastOfPrevious;
    private String[] fields = new String[32];

    CsvRecords(InputStream in) throws IOException {
        this.in = in;
        while (end < 3) {   // the first three bytes, to look for a byte-order mark
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) break;
            end += n;
        }
        if (end >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) pos = 3;
    }

    /** The next record, or null at the end of the file. */
    Record next() throws IOException, Unreadable {
        if (pos >= end && !fill()) return null;
        long startLine = line;
        int n = 0;
        while (true) {
            if (n + 1 >= fields.length) fields = Arrays.copyOf(fields, fields.length * 2);
            fields[n++] = field();
            if (pos >= end && !fill()) break;
            byte b = buf[pos++];
            if (b != ',') {
                newLine(b);
                break;
            }
            if (pos >= end && !fill()) {   // a separator at the very end: one more, empty, field
                fields[n++] = "";
                break;
            }
        }
        return new Record(startLine, Arrays.copyOf(fields, n));
    }

    /** Counts the line break {@code b} (CR, LF, or CR LF as one), which the caller has consumed. */
    private void newLine(byte b) throws IOException {
        if (b == '\r' && (pos < end || fill()) && buf[pos] == '\n') pos++;
        line++;
        lineStart = base + pos;
    }

    private String field() throws IOException, Unreadable {
        spilled = 0;
        nonAscii = false;
        if (pos < end && buf[pos] == '"') return quoted();
        int start = pos;
        while (true) {
            if (pos >= end) {
                spill(start, pos);
                boolean more = fill();
                start = pos;
                if (!more) break;
            }
            byte b = buf[pos];
            if (b == ',' || b == '\n' || b == '\r') break;
            if (b < 0) nonAscii = true;
            pos++;
        }
        return text(start, pos);
    }

    /** A quoted field; its line breaks are counted as lines, a CR LF as one. */
    private String quoted() throws IOException, Unreadable {
        long openLine = line;
        long openColumn = base + pos - lineStart + 1;
        int start = ++pos;
        while (true) {
            if (pos >= end) {
                spill(start, pos);
                if (!fill()) throw new Unreadable(openLine, openColumn, "the quoted field that starts here has no closing quote");
                start = pos;
            }
            byte b = buf[pos++];
            if (b == '"') {
                if (pos < end && buf[pos] != '"') return closed(start, pos - 1);
                spill(start, pos - 1);
                if (pos >= end && !fill()) return text(pos, pos);   // the closing quote ends the file
                if (buf[pos] != '"') return closed(pos, pos);
                spillQuote();   // two quotes are one
                start = ++pos;
            } else if (b == '\n') {
                if ((pos >= 2 ? buf[pos - 2] : lastOfPrevious) != '\r') line++;
                lineStart = base + pos;
            } else if (b == '\r') {
                line++;
                lineStart = base + pos;
            } else if (b < 0) {
                nonAscii = true;
            }
        }
    }

    /** After a closing quote: spaces and control bytes are skipped, then a separator, a line break or the end must follow. */
    private String closed(int start, int quoteAt) throws IOException, Unreadable {
        var value = text(start, quoteAt);
        while (pos < end || fill()) {
            byte b = buf[pos];
            if (b == ',' || b == '\n' || b == '\r') break;
            if (b < 0 || b > ' ') {
                throw new Unreadable(line, base + pos - lineStart + 1, "'" + (char) (b & 0xFF) + "' after a quoted field's closing quote;"
                        + " a separator or the end of the line must follow it");
            }
            pos++;
        }
        return value;
    }

    /** The field's text: what was spilled before, then buf[start, stop). */
    private String text(int start, int stop) throws Unreadable {
        byte[] bytes = buf;
        int from = start;
        int len = stop - start;
        if (spilled > 0) {
            spill(start, stop);
            bytes = spill;
            from = 0;
            len = spilled;
        }
        if (!nonAscii) return new String(bytes, from, len, StandardCharsets.ISO_8859_1);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, from, len)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(line, base + Math.max(pos - 1, 0) - lineStart + 1, "not UTF-8 text (bytes that UTF-8 does not allow)");
        }
    }

    /** Keeps buf[start, stop) aside, because the buffer is about to be refilled or a quote dropped. */
    private void spill(int start, int stop) throws Unreadable {
        int n = stop - start;
        if (n <= 0) return;
        if (spilled + n > MAX_FIELD) throw new Unreadable(line, 0, "a field longer than " + MAX_FIELD + " bytes");
        if (spilled + n > spill.length) spill = Arrays.copyOf(spill, Math.max(spill.length * 2, spilled + n));
        System.arraycopy(buf, start, spill, spilled, n);
        spilled += n;
    }

    private void spillQuote() throws Unreadable {
        if (spilled + 1 > MAX_FIELD) throw new Unreadable(line, 0, "a field longer than " + MAX_FIELD + " bytes");
        if (spilled == spill.length) spill = Arrays.copyOf(spill, spill.length * 2);
        spill[spilled++] = '"';
    }

    /** Reads more bytes into an emptied buffer; false at the end of the file. */
    private boolean fill() throws IOException {
        if (eof) return false;
        if (end > 0) lastOfPrevious = buf[end - 1];
        base += end;
        pos = 0;
        end = 0;
        while (end == 0) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            end = n;
        }
        return true;
    }
}
