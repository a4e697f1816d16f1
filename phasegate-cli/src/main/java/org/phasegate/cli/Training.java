package org.phasegate.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The launcher's training run for the JDK's ahead-of-time cache: the everyday commands on small bundled inputs, so
 * the classes they load (picocli, SnakeYAML, Jackson, the core) start from the cache. Output is discarded; the
 * cache is only faster, never different, so a failed command here costs speed, not correctness.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) {
        Path scenarios = Home.dir().resolve("scenarios");
        var sink = new PrintWriter(Writer.nullWriter());
        String gaza = scenarios.resolve("gaza-2025.yaml").toString();
        String[][] runs = {
            {"--help"},
            {"scenario", "check", gaza},
            {"scenario", "show", gaza},
            {"scenario", "check", scenarios.resolve("gaza-ceasefire-2025-01.yaml").toString() + ".missing"},
            {"status", "--scenario", gaza, "--events", scenarios.resolve("gaza-2025.events.jsonl").toString(), "--as-of", "2026-12-01"},
            {"bargain", scenarios.resolve("gaza-2025-issues.yaml").toString()},
            {"bargain", scenarios.resolve("gaza-2025-issues.yaml").toString(), "--json"},
            {"forecast", "--scenario", gaza, "--assumptions", "sceptic", "--runs", "50", "--sensitivity-runs", "0", "--as-of", "2026-12-01"},
        };
        for (String[] run : runs) Main.run(run, sink, sink);
    }
}
