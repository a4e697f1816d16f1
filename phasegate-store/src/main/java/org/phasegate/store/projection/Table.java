package org.phasegate.store.projection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table the store serves that is derived from the ledger. Its first {@code keyColumns} columns identify a row;
 * {@code seqColumn} names the column holding the ledger entry a row comes from (for ordering differences), if any.
 */
public record Table(String name, List<Column> columns, int keyColumns) {
    public Table {
        columns = List.copyOf(columns);
        if (keyColumns < 1 || keyColumns > columns.size()) throw new IllegalArgumentException(name + ": key of " + keyColumns + " columns");
    }

    public Row row(Object... values) {
        return new Row(this, values);
    }

    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    String insertSql() {
        return "INSERT INTO " + name + " (" + columnList() + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
    }

    String selectSql() {
        return "SELECT " + columnList() + " FROM " + name;
    }

    String keyWhere() {
        return columns.subList(0, keyColumns).stream().map(c -> c.name() + " = ?").collect(Collectors.joining(" AND "));
    }

    int seqIndex() {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals("seq")) return i;
        return -1;
    }
}
