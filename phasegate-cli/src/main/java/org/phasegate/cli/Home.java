package org.phasegate.cli;

import java.nio.file.Path;

/** Where Phasegate is installed: the launcher passes -Dphasegate.home; otherwise the working directory. */
final class Home {
    private Home() {
    }

    static Path dir() {
        return Path.of(System.getProperty("phasegate.home", ".")).toAbsolutePath().normalize();
    }
}
