package org.phasegate.store.projection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** One row of a projected table, its values in the table's column order. */
public record Row(Table table, Object[] values) {
    public Row {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + " has " + table.columns().size() + " columns, not " + values.length);
        }
        values = values.clone();
    }

    static Row read(Table table, ResultSet rs) throws SQLException {
        var v = new Object[table.columns().size()];
        for (int i = 0; i < v.length; i++) v[i] = table.columns().get(i).read(rs, i + 1);
        return new Row(table, v);
    }

    /** Binds the values from parameter {@code first} on, in column order. */
    void bind(PreparedStatement ps, int first, List<Integer> columns) throws SQLException {
        for (int j = 0; j < columns.size(); j++) table.columns().get(columns.get(j)).bind(ps, first + j, values[columns.get(j)]);
    }

    /** The key as comparable text. */
    String key() {
        return IntStream.range(0, table.keyColumns()).mapToObj(i -> Column.canonical(values[i])).collect(Collectors.joining("\u0000"));
    }

    /** The key for a message, e.g. {@code (record_id='inc-1', by_user='nina')}. */
    String showKey() {
        var parts = new ArrayList<String>();
        for (int i = 0; i < table.keyColumns(); i++) parts.add(table.columns().get(i).name() + "=" + Column.show(values[i]));
        return parts.size() == 1 ? parts.getFirst() : "(" + String.join(", ", parts) + ")";
    }

    /** The ledger entry the row comes from, or -1 if the table does not say. */
    long seq() {
        int i = table.seqIndex();
        return i < 0 || values[i] == null ? -1 : ((Number) values[i]).longValue();
    }

    /** The first column where the rows differ, or -1. */
    int firstDifference(Row other) {
        for (int i = 0; i < values.length; i++) {
            if (!java.util.Objects.equals(Column.canonical(values[i]), Column.canonical(other.values[i]))) return i;
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.table.equals(table) && firstDifference(r) < 0;
    }

    @Override
    public int hashCode() {
        return table.hashCode() * 31 + Arrays.stream(values).map(Column::canonical).toList().hashCode();
    }

    @Override
    public String toString() {
        return table.name() + " " + showKey();
    }
}
