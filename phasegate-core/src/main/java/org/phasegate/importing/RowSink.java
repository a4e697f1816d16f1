package org.phasegate.importing;

/** Where a reader sends each row as it reads it: mapped, or rejected with its reason. Readers never hold the file. */
public interface RowSink {
    /** Called once, before any row: which dataset the rows belong to. */
    void begin(Dataset dataset);

    void row(ImportedRow row);

    void rejected(Rejection rejection);
}
