package org.phasegate.store.projection;

/**
 * Where a served table departs from what the ledger says: a row missing, a row the ledger never wrote, or a column
 * whose stored value is not the ledger's. {@code seq} orders differences by the entry concerned (-1: none known).
 */
public record Difference(String table, String key, String column, String stored, String expected, long seq) {
    public String render() {
        var where = "table " + table + ", key " + key;
        if (column == null && stored == null) {
            return where + ": row missing (the ledger's entry " + seq + " has it; deleted outside the ledger?)";
        }
        if (column == null) return where + ": row not in the ledger (inserted outside it?)" + (seq > 0 ? " (claims entry " + seq + ")" : "");
        return where + ", column " + column + ": stored " + stored + ", the ledger says " + expected + (seq > 0 ? " (entry " + seq + ")" : "");
    }

    static Difference missing(Row expected) {
        return new Difference(expected.table().name(), expected.showKey(), null, null, null, expected.seq());
    }

    static Difference extra(Row stored) {
        return new Difference(stored.table().name(), stored.showKey(), null, "present", null, stored.seq());
    }

    static Difference changed(Row stored, Row expected, int column) {
        return new Difference(stored.table().name(), stored.showKey(), stored.table().columns().get(column).name(),
                Column.show(stored.values()[column]), Column.show(expected.values()[column]), expected.seq());
    }
}
