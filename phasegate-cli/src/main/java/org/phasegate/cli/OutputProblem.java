package org.phasegate.cli;

import java.io.IOException;
import java.nio.file.Path;

/** An output the user named (an option such as {@code --out DIR}) that cannot be written: the option is to blame, not the input. */
final class OutputProblem extends RuntimeException {
    OutputProblem(String option, Path path, IOException cause) {
        super("cannot write " + option + " " + path + ": " + why(cause) + " (choose a directory you may write to)", cause);
    }

    private static String why(IOException e) {
        return switch (e) {
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileAlreadyExistsException x -> x.getFile() + " exists and is not a directory";
            case java.nio.file.NoSuchFileException x -> "no such directory " + x.getFile();
            case java.nio.file.NotDirectoryException x -> x.getFile() + " is not a directory";
            case java.nio.file.FileSystemException x -> x.getReason() != null ? x.getReason() : x.getClass().getSimpleName();
            default -> String.valueOf(e.getMessage());
        };
    }
}
