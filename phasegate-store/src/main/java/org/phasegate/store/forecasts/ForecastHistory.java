package org.phasegate.store.forecasts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.phasegate.store.Tx;

/** The stored forecasts (tables {@code forecast_run}, {@code forecast_question}, migration V5): saved whole, never changed. */
public final class ForecastHistory {
    private final DataSource ds;

    public ForecastHistory(DataSource ds) {
        this.ds = ds;
    }

    /** Saves the forecast and its questions in one transaction; returns its id. */
    public long save(SavedForecast f) {
        return Tx.run(ds, c -> {
            long id;
            try (var st = c.prepareStatement("INSERT INTO forecast_run (saved_at, method, scenario_id, scenario_sha256, assumption_set, assumption_sha256,"
                    + " evidence_cutoff, seed, runs, code_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                st.setTimestamp(1, Timestamp.from(f.savedAt()));
                st.setString(2, f.method());
                st.setString(3, f.scenario());
                st.setString(4, f.scenarioSha256());
                st.setString(5, f.assumptionSet());
                st.setString(6, f.assumptionSha256());
                st.setTimestamp(7, Timestamp.from(f.evidenceCutoff()));
                st.setLong(8, f.seed());
                st.setInt(9, f.runs());
                st.setString(10, f.codeVersion());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (var st = c.prepareStatement("INSERT INTO forecast_question (run_id, question, kind, subject, by_time, p) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (var q : f.questions()) {
                    st.setLong(1, id);
                    st.setString(2, q.id());
                    st.setString(3, q.kind());
                    st.setString(4, q.subject());
                    st.setTimestamp(5, Timestamp.from(q.by()));
                    st.setDouble(6, q.p());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return id;
        });
    }

    /** Every saved forecast in the order saved, each with its questions (only {@code question} when one is named). */
    public List<SavedForecast> list(Optional<String> question) {
        return Tx.run(ds, c -> {
            var questions = questions(c, question);
            var out = new ArrayList<SavedForecast>();
            try (var st = c.prepareStatement("SELECT * FROM forecast_run ORDER BY id"); var rs = st.executeQuery()) {
                while (rs.next()) {
                    var qs = questions.getOrDefault(rs.getLong("id"), List.of());
                    if (question.isPresent() && qs.isEmpty()) continue;
                    out.add(run(rs, qs));
                }
            }
            return out;
        });
    }

    private static SavedForecast run(ResultSet rs, List<SavedForecast.SavedQuestion> questions) throws SQLException {
        return new SavedForecast(rs.getLong("id"), rs.getTimestamp("saved_at").toInstant(), rs.getString("method"), rs.getString("scenario_id"),
                rs.getString("scenario_sha256"), rs.getString("assumption_set"), rs.getString("assumption_sha256"),
                rs.getTimestamp("evidence_cutoff").toInstant(), rs.getLong("seed"), rs.getInt("runs"), rs.getString("code_version"), questions);
    }

    private static LinkedHashMap<Long, List<SavedForecast.SavedQuestion>> questions(Connection c, Optional<String> only) throws SQLException {
        var out = new LinkedHashMap<Long, List<SavedForecast.SavedQuestion>>();
        String sql = "SELECT * FROM forecast_question" + (only.isPresent() ? " WHERE question = ?" : "") + " ORDER BY run_id, by_time, question";
        try (var st = c.prepareStatement(sql)) {
            if (only.isPresent()) st.setString(1, only.get());
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong("run_id"), k -> new ArrayList<>()).add(new SavedForecast.SavedQuestion(rs.getString("question"),
                            rs.getString("kind"), rs.getString("subject"), rs.getTimestamp("by_time").toInstant(), rs.getDouble("p")));
                }
            }
        }
        return out;
    }
}
