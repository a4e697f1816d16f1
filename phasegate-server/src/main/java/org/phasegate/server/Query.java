package org.phasegate.server;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Query parameters, checked: a bad value is a 422 naming the parameter, its value and the form it should take. */
public final class Query {
    private Query() {
    }

    public static Optional<String> text(Context ctx, String name, int maxChars) {
        var v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return Optional.empty();
        if (v.length() > maxChars) throw ApiProblem.field(name, v, "at most " + maxChars + " characters");
        return Optional.of(v);
    }

    public static Optional<Instant> instant(Context ctx, String name) {
        return text(ctx, name, 40).map(v -> instant(name, v));
    }

    /** An ISO-8601 instant ({@code 2026-01-15T00:00:00Z}) or a date ({@code 2026-01-15}, its start in UTC). */
    public static Instant instant(String name, String v) {
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiProblem.field(name, v, "is not a date or instant; give e.g. 2026-01-15 or 2026-01-15T12:00:00Z (UTC)");
        }
    }

    public static Optional<LocalDate> date(String name, String v) {
        try {
            return Optional.of(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            throw ApiProblem.field(name, v, "is not a date; give e.g. 2026-12-31");
        }
    }

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        var v = text(ctx, name, 12);
        if (v.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) throw ApiProblem.field(name, v.get(), "must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.field(name, v.get(), "must be a whole number between " + min + " and " + max);
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS84 degrees. */
    public static Optional<double[]> bbox(Context ctx, String name) {
        return text(ctx, name, 200).map(v -> {
            var parts = v.split(",", -1);
            if (parts.length != 4) throw ApiProblem.field(name, v, "give four numbers: minLon,minLat,maxLon,maxLat");
            var out = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    out[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw ApiProblem.field(name, v, "give four numbers: minLon,minLat,maxLon,maxLat");
                }
                if (!Double.isFinite(out[i])) throw ApiProblem.field(name, v, "numbers must be finite");
            }
            if (out[0] > out[2] || out[1] > out[3] || out[0] < -180 || out[2] > 180 || out[1] < -90 || out[3] > 90) {
                throw ApiProblem.field(name, v, "needs minLon <= maxLon and minLat <= maxLat, within -180..180 and -90..90");
            }
            return out;
        });
    }
}
