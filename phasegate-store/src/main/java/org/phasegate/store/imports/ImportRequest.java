package org.phasegate.store.imports;

import java.util.Objects;
import org.phasegate.importing.ImportKind;
import org.phasegate.scenario.ImportPolicy;

/**
 * One import to run: the kind, the file's name (as problems show it) and SHA-256, the state and origin the scenario's
 * import policy gives the rows, whether to write nothing ({@code dryRun}) and whether bad rows are set aside
 * ({@code quarantine}) instead of refusing the whole file.
 */
public record ImportRequest(ImportKind kind, String file, String fileSha256, ImportPolicy.Rule rule, boolean dryRun, boolean quarantine) {
    public ImportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        if (!fileSha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("fileSha256 must be 64 hex digits");
        Objects.requireNonNull(rule, "rule");
    }
}
