package org.phasegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.phasegate.importing.Rejection;
import org.phasegate.store.StoreException;

/**
 * The rejected rows of an import with {@code --quarantine FILE}, one JSON object a line ({@code file, line, column,
 * value, reason, row}). Written to a temporary file beside FILE before the import commits (a failure rolls the import
 * back) and moved into place after it, so FILE never holds a partial list, nor one for an import that did not happen.
 */
final class Quarantine {
    private final Path target;
    private Path temp;

    Quarantine(Path target) {
        this.target = target.toAbsolutePath();
    }

    void prepare(String file, List<Rejection> rejected) throws IOException {
        temp = Files.createTempFile(target.getParent(), ".quarantine-", ".tmp");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (var r : rejected) {
                var o = json.createObjectNode().put("file", file).put("line", r.line()).put("column", r.column()).put("value", r.value())
                        .put("reason", r.reason()).put("row", r.raw());
                w.write(json.writeValueAsString(o));
                w.write('\n');
            }
        }
    }

    void commit() {
        if (temp == null) return;
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            throw new StoreException("the import is stored, but the quarantine file " + target + " could not be put in place (" + e.getMessage()
                    + "); the rejected rows are in " + temp, e);
        }
    }

    void discard() {
        if (temp == null) return;
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the import's own error is the one to show; a stray temporary file is named in no message
        }
    }
}
