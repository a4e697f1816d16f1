package org.phasegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.phasegate.importing.Rejection;
import org.phasegate.store.StoreException;

/**
 * The rejected rows of an import with {@code --quarantine FILE}, one JSON object a line ({@code file, line, column,
 * value, reason, row}). FILE must be a new file in a writable directory, and not the file being imported: checked
 * before anything is read. The rows are written to a temporary file beside FILE before the import commits (a failure
 * rolls the import back) and moved into place after it, so FILE never holds a partial list, nor one for an import that
 * did not happen; the temporary file never outlives the command.
 */
final class Quarantine {
    private final Path target;
    private Path temp;

    private Quarantine(Path target) {
        this.target = target.toAbsolutePath().normalize();
    }

    /** The quarantine file {@code target} for an import of {@code input}, refused (exit 2) unless it can be written as a new file. */
    static Quarantine of(Path target, Path input) {
        var q = new Quarantine(target);
        q.refuseUnusable(target, input);
        return q;
    }

    private void refuseUnusable(Path given, Path input) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (sameFile(target, input)) throw refused(given, "is the file being imported (" + input + "); give another file for the rejected rows");
            if (Files.isDirectory(target)) throw refused(given, "is a directory; give a file name, e.g. --quarantine " + given.resolve("rejected.jsonl"));
            throw refused(given, "already exists, and the import never replaces a file: remove it or choose another name (nothing was read or imported)");
        }
        var dir = target.getParent();
        if (!Files.exists(dir)) throw refused(given, "is in " + dir + ", which does not exist: create the directory or choose another place");
        if (!Files.isDirectory(dir)) throw refused(given, "is in " + dir + ", which is not a directory: choose another place");
        if (!Files.isWritable(dir)) throw refused(given, "is in " + dir + ", which you may not write to: choose another place");
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static StoreException refused(Path given, String why) {
        return new StoreException("--quarantine " + given + " " + why);
    }

    void prepare(String file, List<Rejection> rejected) throws IOException {
        try {
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
        } catch (IOException e) {
            throw new FileSystemException(target.toString(), null, "the rejected rows could not be written beside it (" + reason(e) + ")");
        }
    }

    /** Puts the file in place (never over one that appeared since the check); on failure the rows are not kept anywhere, and the message says how to list them again. */
    void commit(String relist) {
        if (temp == null) return;
        try {
            Files.move(temp, target);
            temp = null;
        } catch (IOException e) {
            discard();
            throw new StoreException("the import is stored, but the quarantine file " + target + " could not be put in place (" + reason(e)
                    + "); the rejected rows were not kept: list them again with " + relist);
        }
    }

    void discard() {
        if (temp == null) return;
        try {
            Files.deleteIfExists(temp);
            temp = null;
        } catch (IOException e) {
            // the import's own error is the one to show; a stray temporary file is named in no message
        }
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory: " + x.getFile();
            case AccessDeniedException x -> "permission denied: " + x.getFile();
            case java.nio.file.FileAlreadyExistsException x -> x.getFile() + " already exists";
            case FileSystemException x -> (x.getFile() == null ? "" : x.getFile() + ": ") + (x.getReason() == null ? x.getClass().getSimpleName() : x.getReason());
            default -> String.valueOf(e.getMessage());
        };
    }
}
