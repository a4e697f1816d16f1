package org.phasegate.server;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.phasegate.evidence.Role;

/** Who calls the API: a signed-in user's role, or anonymous. A store user of role {@code public} signs in as a viewer. */
public enum ApiRole {
    ADMIN, BOARD, MONITOR, ANALYST, VIEWER, ANONYMOUS;

    public static final Set<ApiRole> ANYONE = Set.copyOf(EnumSet.allOf(ApiRole.class));
    public static final Set<ApiRole> SIGNED_IN = Set.copyOf(EnumSet.complementOf(EnumSet.of(ANONYMOUS)));
    /** Those who see restricted records (the store's rule, {@link Role#seesRecord}). */
    public static final Set<ApiRole> RESTRICTED_READERS = Set.of(ADMIN, BOARD, MONITOR);

    public String wireName() {
        return name().toLowerCase();
    }

    public static ApiRole of(Role role) {
        return switch (role) {
            case ADMIN -> ADMIN;
            case BOARD -> BOARD;
            case MONITOR -> MONITOR;
            case ANALYST -> ANALYST;
            case VIEWER, PUBLIC -> VIEWER;
        };
    }

    public static Set<ApiRole> of(ApiRole... roles) {
        return Set.copyOf(Arrays.asList(roles));
    }
}
