package org.phasegate.store.forecasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.store.Database;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;

/** Saved forecasts survive a stop and a start of the embedded server, row for row, and can never be changed. */
class ForecastHistoryRestartTest {
    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    private static SavedForecast forecast(String method, long seed, double p) {
        var by = Instant.parse("2025-03-01T23:59:59Z");
        return new SavedForecast(0, Instant.parse("2025-02-28T10:15:30.123456Z"), method, "gaza-ceasefire-2025-01", A, "leverage", B,
                Instant.parse("2025-02-28T00:00:00Z"), seed, 4000, "0.1.0-SNAPSHOT",
                List.of(new SavedForecast.SavedQuestion("gate-open:phase-1-exchanges-complete:by:" + by, "gate-open", "phase-1-exchanges-complete", by, p),
                        new SavedForecast.SavedQuestion("phase-complete:phase-1:by:" + by, "phase-complete", "phase-1", by, 1 - p)));
    }

    @Test
    void historySurvivesARestartAndNeverChanges(@TempDir Path dir) {
        var data = dir.resolve("phasegate-data");
        List<SavedForecast> before;
        try (var db = Database.embedded(data)) {
            var history = new ForecastHistory(db.dataSource());
            long first = history.save(forecast("forecast", 7, 0.3));
            long second = history.save(forecast("nowcast", 8, 0.9993));
            assertThat(second).isGreaterThan(first);
            before = history.list(Optional.empty());
            assertThat(before).extracting(SavedForecast::id).containsExactly(first, second);
            assertThat(before.get(1)).isEqualTo(new SavedForecast(second, forecast("nowcast", 8, 0.9993).savedAt(), "nowcast", "gaza-ceasefire-2025-01", A,
                    "leverage", B, Instant.parse("2025-02-28T00:00:00Z"), 8, 4000, "0.1.0-SNAPSHOT", forecast("nowcast", 8, 0.9993).questions()));
            assertThatThrownBy(() -> Tx.run(db.dataSource(), c -> c.createStatement().executeUpdate("UPDATE forecast_question SET p = 0.5")))
                    .isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> Tx.run(db.dataSource(), c -> c.createStatement().executeUpdate("DELETE FROM forecast_run")))
                    .isInstanceOf(StoreException.class);
        }
        try (var db = Database.embedded(data, false, Database.LOCK_WAIT)) {
            var history = new ForecastHistory(db.dataSource());
            assertThat(history.list(Optional.empty())).isEqualTo(before);
            String q = "phase-complete:phase-1:by:2025-03-01T23:59:59Z";
            assertThat(history.list(Optional.of(q))).hasSize(2)
                    .allSatisfy(f -> assertThat(f.questions()).extracting(SavedForecast.SavedQuestion::id).containsExactly(q));
            assertThat(history.list(Optional.of("gate-open:nothing:by:2025-03-01T23:59:59Z"))).isEmpty();
        }
    }
}
