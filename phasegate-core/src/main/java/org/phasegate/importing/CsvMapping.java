package org.phasegate.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.phasegate.problem.Valid;

/**
 * How {@code phasegate import csv} reads one kind of spreadsheet (docs/importing.md): the dataset it belongs to, the
 * record type of its rows, which columns identify a row, give its date, p-code and point, and which columns are
 * quantities and attributes (name to column), with other headers a column may go by.
 */
public record CsvMapping(Dataset dataset, String type, List<String> idColumns, String dateColumn, Optional<String> pcodeColumn,
                         Optional<String> latitudeColumn, Optional<String> longitudeColumn, Map<String, String> quantities,
                         Map<String, String> attributes, Map<String, List<String>> aliases) {
    public CsvMapping {
        Objects.requireNonNull(dataset, "dataset");
        Valid.id(type, "type");
        idColumns = List.copyOf(idColumns);
        if (idColumns.isEmpty()) throw new IllegalArgumentException("id needs at least one column");
        Valid.id(dateColumn, "date");
        quantities = Map.copyOf(quantities);
        attributes = Map.copyOf(attributes);
        aliases = Map.copyOf(aliases);
        if (latitudeColumn.isPresent() != longitudeColumn.isPresent()) throw new IllegalArgumentException("latitude and longitude go together");
    }

    /** The columns the file must have (every one the mapping names) and the aliases they go by. */
    List<CsvTable.Column> columns() {
        var names = new ArrayList<String>(idColumns);
        names.add(dateColumn);
        pcodeColumn.ifPresent(names::add);
        latitudeColumn.ifPresent(names::add);
        longitudeColumn.ifPresent(names::add);
        names.addAll(quantities.values());
        names.addAll(attributes.values());
        return names.stream().distinct().map(n -> new CsvTable.Column(n, aliases.getOrDefault(n, List.of()), true)).toList();
    }
}
