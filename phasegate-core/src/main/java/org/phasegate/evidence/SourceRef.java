package org.phasegate.evidence;

import java.util.Optional;

/** Where a record's evidence comes from: a URL, and the SHA-256 of its content when known. */
public record SourceRef(String url, Optional<String> title, Optional<String> sha256) {
}
