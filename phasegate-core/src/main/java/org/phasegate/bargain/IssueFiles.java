package org.phasegate.bargain;

import java.nio.file.Path;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.TextFile;

/** Reads an issue file of any supported format, chosen by its extension. */
public final class IssueFiles {
    private IssueFiles() {
    }

    /** Reads a {@code .csv} (KTAB), {@code .xml} (KTAB) or {@code .yaml}/{@code .yml} (Phasegate) issue file. */
    public static Issue read(Path path) throws IssueParseException {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String shown = path.toString();
        if (!name.endsWith(".csv") && !name.endsWith(".xml") && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new IssueParseException(shown, 0, "unknown file type; use a KTAB .csv or .xml file or a Phasegate .yaml issue file");
        }
        String text;
        try {
            text = TextFile.read(path, "issue file");
        } catch (InvalidInputException e) {
            throw new IssueParseException(e.problems());
        }
        if (name.endsWith(".csv")) return KtabCsvReader.parse(shown, text);
        if (name.endsWith(".xml")) return KtabXmlReader.parse(shown, text);
        return IssueYamlReader.parse(shown, text);
    }
}
