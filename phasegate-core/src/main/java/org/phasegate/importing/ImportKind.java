package org.phasegate.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code phasegate import} reads; the wire name is the command's KIND. */
public enum ImportKind {
    ACLED, CASUALTIES, UCDP, GEOJSON, CSV;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(wire)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ImportKind::wireName).toList();
    }
}
