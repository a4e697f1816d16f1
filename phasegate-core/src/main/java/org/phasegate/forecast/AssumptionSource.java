package org.phasegate.forecast;

import java.time.LocalDate;
import java.util.Optional;

/** Where an assumed number comes from: a document a reader can find. */
public record AssumptionSource(String title, String publisher, Optional<LocalDate> date, Optional<String> url) {

    /** {@code Title, Publisher, 2025-01-01, URL} with the parts that are known. */
    public String describe() {
        return title + ", " + publisher + date.map(d -> ", " + d).orElse("") + url.map(u -> ", " + u).orElse("");
    }
}
