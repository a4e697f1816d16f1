package org.phasegate.scenario;

import java.util.Optional;

/** A reference to a source, with an optional locator such as {@code point-4} or {@code para-7}. */
public record Citation(String sourceId, Optional<String> locator) {

    public static Citation parse(String text) {
        int hash = text.indexOf('#');
        return hash < 0 ? new Citation(text.trim(), Optional.empty())
                : new Citation(text.substring(0, hash).trim(), Optional.of(text.substring(hash + 1).trim()));
    }

    @Override
    public String toString() {
        return sourceId + locator.map(l -> "#" + l).orElse("");
    }
}
