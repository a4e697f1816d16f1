package org.phasegate.importing;

import java.util.Objects;
import org.phasegate.problem.Valid;

/**
 * Where imported rows come from: the dataset's id (rows are deduplicated within it by their source id), a title, the
 * licence and the attribution its publisher requires, and the source's address.
 */
public record Dataset(String id, ImportKind kind, String title, String licence, String attribution, String sourceUrl) {
    /** What a reader writes for a licence or attribution its file does not state (an unstated address is ""). */
    public static final String NOT_STATED = "not stated";

    public Dataset {
        Valid.id(id, "dataset id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
    }
}
