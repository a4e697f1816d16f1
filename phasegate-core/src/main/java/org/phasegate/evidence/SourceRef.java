package org.phasegate.evidence;

import java.util.Optional;
import org.phasegate.problem.Valid;

/** Where a record's evidence comes from: a URL, and the SHA-256 of its content when known. */
public record SourceRef(String url, Optional<String> title, Optional<String> sha256) {
    public SourceRef {
        Valid.text(url, "source url", 4_000);
        title.ifPresent(t -> Valid.text(t, "source title", Valid.MAX_TEXT));
        sha256.ifPresent(h -> Valid.text(h, "source sha256", 64));
    }
}
