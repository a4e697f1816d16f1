-- Imports (issue 16): each import is one signed ledger entry (kind 'import') committing to all its rows by a Merkle
-- root (RFC 9162); import_batch is the projection of those entries, import_row holds the rows the root covers.

-- projection of 'import' entries; id = the entry's seq
CREATE TABLE import_batch (
    id          BIGINT PRIMARY KEY,
    kind        TEXT   NOT NULL,
    dataset     TEXT   NOT NULL,
    file        TEXT   NOT NULL,   -- the file's name as given
    file_sha256 TEXT   NOT NULL,   -- of the file's bytes
    row_count   BIGINT NOT NULL,
    root        TEXT   NOT NULL,   -- hex MTH over the rows' leaf data (content_hash), in ordinal order
    state       TEXT   NOT NULL,   -- the scenario's import policy: reported, corroborated, verified
    origin      TEXT   NOT NULL,   -- external, internal
    licence     TEXT   NOT NULL,
    attribution TEXT   NOT NULL,
    source_url  TEXT   NOT NULL,
    seq         BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);

-- the imported rows: leaf `ordinal` of its import's tree; content_hash = SHA-256(dataset 0x00 source_id 0x00 content).
-- No foreign key to import_batch: that table is a projection the audit compares and rebuild may put back; rows
-- without their import are found by the audit (ImportAudit) instead.
CREATE TABLE import_row (
    import_id    BIGINT  NOT NULL,
    ordinal      INTEGER NOT NULL,
    dataset      TEXT    COLLATE "C" NOT NULL,   -- "C": byte order, so the unique index compares bytes, not locale rules
    source_id    TEXT    COLLATE "C" NOT NULL,
    content_hash BYTEA   NOT NULL,
    content      TEXT    NOT NULL,   -- the row's canonical JSON
    PRIMARY KEY (import_id, ordinal),
    UNIQUE (dataset, source_id)
);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['import_batch', 'import_row'] LOOP
        EXECUTE format('CREATE TRIGGER %I_no_change BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION phasegate_append_only()', t, t);
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION phasegate_append_only()', t, t);
    END LOOP;
END $$;

GRANT SELECT, INSERT ON import_batch, import_row TO phasegate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON import_batch, import_row FROM PUBLIC;
