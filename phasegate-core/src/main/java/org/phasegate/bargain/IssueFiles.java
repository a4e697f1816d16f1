package org.phasegate.bargain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an issue file of any supported format, chosen by its extension. */
public final class IssueFiles {
    private IssueFiles() {
    }

    /** Reads a {@code .csv} (KTAB), {@code .xml} (KTAB) or {@code .yaml}/{@code .yml} (Phasegate) issue file. */
    public static Issue read(Path path) throws IssueParseException, IOException {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String shown = path.toString();
        String text = decode(shown, Files.readAllBytes(path));
        if (name.endsWith(".csv")) {
            return KtabCsvReader.parse(shown, text);
        }
        if (name.endsWith(".xml")) {
            return KtabXmlReader.parse(shown, text);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return IssueYamlReader.parse(shown, text);
        }
        throw new IssueParseException(shown, 0, "unknown file type; use a KTAB .csv or .xml file or a Phasegate .yaml issue file");
    }

    /** Strict UTF-8, so that a mis-encoded file is reported at its line instead of read as garbage. */
    static String decode(String file, byte[] bytes) throws IssueParseException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < in.position() && i < bytes.length; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IssueParseException(file, line, "not valid UTF-8 text; save the file as UTF-8");
        }
    }
}
