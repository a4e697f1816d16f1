package org.phasegate.cli;

import java.time.Instant;
import org.phasegate.evidence.EventsReader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts 2026-01-15 (midnight UTC) or a full ISO instant. */
final class AsOf implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        return EventsReader.parseTime(value).orElseThrow(() ->
                new TypeConversionException("'" + value + "' is not a date or instant (use 2026-01-15 or 2026-01-15T12:00:00Z)"));
    }
}
