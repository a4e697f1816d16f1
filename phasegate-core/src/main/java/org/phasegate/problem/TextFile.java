package org.phasegate.problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an input file as strict UTF-8: a mis-encoded byte is a located problem, never a replacement character. */
public final class TextFile {
    private TextFile() {
    }

    /** The file's text (without a leading byte-order mark); {@code what} names the file's role in problems. */
    public static String read(Path file, String what) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(unreadable(file, what, e));
        }
        return decode(file.toString(), bytes);
    }

    /** A problem saying why {@code file} could not be read, in words rather than an exception's name. */
    public static Problem unreadable(Path file, String what, IOException e) {
        String why = switch (e) {
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "permission denied";
            default -> Files.isDirectory(file) ? "it is a directory" : Quote.shorten(String.valueOf(e.getMessage()));
        };
        return new Problem(file.toString(), 0, 0, "cannot read " + what + ": " + why, "check the path");
    }

    /** Strict UTF-8; the first bad byte is reported at its line and column (in characters, 1-based). */
    public static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            throw new InvalidInputException(invalid(file, out, bytes[in.position()]));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }

    /** Locates the bad byte after the {@code decoded} characters before it; \n, \r\n and a lone \r each end a line. */
    static Problem invalid(String file, CharSequence decoded, byte bad) {
        int line = 1, column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == decoded.length() || decoded.charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new Problem(file, line, column, String.format("not valid UTF-8 (byte 0x%02X)", bad & 0xff),
                "save the file as UTF-8");
    }
}
