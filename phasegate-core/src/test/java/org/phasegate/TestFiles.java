package org.phasegate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths to the repository, its bundled scenarios and the shared data beside it. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path repo() {
        return Path.of(System.getProperty("phasegate.root", "..")).toAbsolutePath().normalize();
    }

    public static Path scenarios() {
        return repo().resolve("scenarios");
    }

    public static Path sharedData() {
        return repo().resolve("../shared/data").normalize();
    }

    public static String resource(String name) {
        try (var in = TestFiles.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
