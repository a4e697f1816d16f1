package org.phasegate.server;

import io.javalin.router.EndpointMetadata;
import java.util.Set;

/**
 * A route's entry in the access table: which roles may call it, what it does (for the OpenAPI description), and
 * whether a successful call is written to the access log ({@link Audit}). Every route carries one; the gatekeeper
 * refuses a route without it.
 */
public record Access(Set<ApiRole> roles, String summary, Audit audit) implements EndpointMetadata {
    public enum Audit {
        /** Not logged when allowed (denials always are). */
        NONE,
        /** Logged when the caller is one who sees restricted records: they may have read some. */
        RESTRICTED_VIEW,
        /** Always logged: confidential or administrative data. */
        ALWAYS
    }

    public Access {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) throw new IllegalArgumentException("a route allows at least one role");
        if (summary == null || summary.isBlank()) throw new IllegalArgumentException("a route says what it does");
    }

    public Access(Set<ApiRole> roles, String summary) {
        this(roles, summary, Audit.NONE);
    }

    public boolean allows(ApiRole role) {
        return roles.contains(role);
    }
}
