package org.phasegate.bargain;

import java.io.IOException;
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
        String text = Files.readString(path, StandardCharsets.UTF_8);
        String shown = path.toString();
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
}
