package org.phasegate.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/**
 * Provenance a user gives for a file that does not state it (GeoJSON rarely does): the source's address, the licence
 * and the attribution. It fills only what the file leaves unstated; where the file states a value, a different given
 * value is refused, never put in its place, so a record's provenance is always what its file says or what its importer
 * said, and never both.
 */
public record Provenance(Optional<String> sourceUrl, Optional<String> licence, Optional<String> attribution) {
    public static final Provenance NONE = new Provenance(Optional.empty(), Optional.empty(), Optional.empty());
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    public Provenance {
        sourceUrl.ifPresent(v -> check("source-url", v));
        licence.ifPresent(v -> check("licence", v));
        attribution.ifPresent(v -> check("attribution", v));
        sourceUrl.filter(v -> !URL.matcher(v).matches()).ifPresent(v -> {
            throw new InvalidInputException(new Problem("--source-url", 0, 0, Quote.of(v) + " is not an http(s) address",
                    "give the address the file was downloaded from, e.g. https://data.humdata.org/..."));
        });
    }

    public static Provenance of(String sourceUrl, String licence, String attribution) {
        return new Provenance(Optional.ofNullable(sourceUrl), Optional.ofNullable(licence), Optional.ofNullable(attribution));
    }

    /** {@code reader}, its dataset's unstated provenance filled from this one. */
    public SourceReader over(SourceReader reader) {
        if (equals(NONE)) return reader;
        return (file, in, sink) -> reader.read(file, in, ChangedSink.ofDataset(sink, d -> fill(file, d)));
    }

    /** The dataset with its unstated fields filled; a given value that differs from one the file states is refused. */
    Dataset fill(String file, Dataset d) {
        var conflicts = new ArrayList<Problem>();
        var url = pick(file, "source-url", d.sourceUrl(), sourceUrl, conflicts);
        var lic = pick(file, "licence", d.licence(), licence, conflicts);
        var attr = pick(file, "attribution", d.attribution(), attribution, conflicts);
        if (!conflicts.isEmpty()) throw new InvalidInputException(conflicts);
        return new Dataset(d.id(), d.kind(), d.title(), lic, attr, url);
    }

    /** Whether a file states the value: readers write {@link Dataset#NOT_STATED} or "" where it does not. */
    static boolean stated(String value) {
        return !value.isBlank() && !value.startsWith(Dataset.NOT_STATED);
    }

    private static String pick(String file, String field, String fromFile, Optional<String> given, List<Problem> conflicts) {
        if (given.isEmpty() || given.get().equals(fromFile)) return fromFile;
        if (!stated(fromFile)) return given.get();
        conflicts.add(new Problem(file, 0, 0, "the file states its " + field + " as " + Quote.of(fromFile) + ", and --" + field + " gives "
                + Quote.of(given.get()), "leave --" + field + " out: the file's own statement stands"));
        return fromFile;
    }

    private static void check(String field, String value) {
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(new Problem("--" + field, 0, 0, Quote.of(value) + " is blank or holds a control character",
                    "give one line of text, e.g. --licence \"CC BY-IGO\""));
        }
    }
}
