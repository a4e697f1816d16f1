package org.phasegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.phasegate.forecast.Forecast;

/** Writes the forecast's text, JSON and charts into a directory. */
final class ForecastCharts {
    private ForecastCharts() {
    }

    static void write(Forecast f, Path dir, String text, String json) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("forecast.txt"), text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("forecast.json"), json, StandardCharsets.UTF_8);
    }
}
