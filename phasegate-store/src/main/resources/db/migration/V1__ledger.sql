-- Phasegate evidence ledger. Every table is append-only: rows are inserted, never updated or deleted.
-- ledger_entry is the source of truth; the other tables are projections of its entries (rebuilt on import),
-- except user_key and confidential_blob, which hold encrypted secrets that never enter the ledger.

CREATE TABLE ledger_entry (
    seq       BIGINT PRIMARY KEY,
    kind      TEXT        NOT NULL,
    actor     TEXT        NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    payload   TEXT        NOT NULL,   -- canonical JSON, kept as text so its bytes never change
    prev_hash BYTEA       NOT NULL,
    hash      BYTEA       NOT NULL,
    signature BYTEA       NOT NULL
);
CREATE INDEX ledger_entry_kind ON ledger_entry (kind) WHERE kind LIKE 'user.%';

CREATE TABLE app_user (
    name       TEXT PRIMARY KEY,
    role       TEXT   NOT NULL,
    org        TEXT   NOT NULL,
    public_key BYTEA  NOT NULL,
    seq        BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);

-- private signing keys (AES-GCM under the data key) and Argon2id password hashes; not in the ledger
CREATE TABLE user_key (
    name          TEXT PRIMARY KEY REFERENCES app_user (name),
    nonce         BYTEA NOT NULL,
    private_key   BYTEA NOT NULL,
    password_hash TEXT
);

CREATE TABLE record (
    id              TEXT PRIMARY KEY,
    type            TEXT        NOT NULL,
    observed_at     TIMESTAMPTZ NOT NULL,
    party           TEXT,
    reporter        TEXT        NOT NULL,
    reporter_org    TEXT        NOT NULL,
    confidentiality TEXT        NOT NULL,
    supersedes      TEXT REFERENCES record (id),
    body            TEXT        NOT NULL,  -- public part, canonical JSON
    commitment      TEXT,                  -- SHA-256 of the sealed confidential part, if any
    seq             BIGINT      NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX record_type ON record (type);
CREATE UNIQUE INDEX record_superseded_once ON record (supersedes);

CREATE TABLE attestation (
    record_id TEXT   NOT NULL REFERENCES record (id),
    by_user   TEXT   NOT NULL,
    org       TEXT   NOT NULL,
    seq       BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (record_id, by_user)
);

-- disputes, adjudications (upheld / overturned) and rejections
CREATE TABLE record_event (
    record_id TEXT   NOT NULL REFERENCES record (id),
    event     TEXT   NOT NULL,
    by_user   TEXT   NOT NULL,
    reason    TEXT,
    seq       BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX record_event_record ON record_event (record_id);

CREATE TABLE checkpoint (
    upto_seq  BIGINT PRIMARY KEY,
    from_seq  BIGINT NOT NULL,
    root      BYTEA  NOT NULL,
    seq       BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE confidential_blob (
    commitment TEXT PRIMARY KEY,
    nonce      BYTEA NOT NULL,
    ciphertext BYTEA NOT NULL
);

-- buy-back and reintegration registry, under pseudonymous ids (HMAC-SHA256 of the identity document number)
CREATE TABLE registry_participant (
    pseudo_id   TEXT PRIMARY KEY,
    enrolled_at TIMESTAMPTZ NOT NULL,
    seq         BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE registry_event (
    pseudo_id TEXT   NOT NULL REFERENCES registry_participant (pseudo_id),
    event     TEXT   NOT NULL,   -- handin, payment, status
    detail    TEXT   NOT NULL,   -- canonical JSON
    seq       BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX registry_event_participant ON registry_event (pseudo_id);

CREATE FUNCTION phasegate_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'phasegate: table % is append-only; % refused (write a correction instead)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['ledger_entry', 'app_user', 'user_key', 'record', 'attestation', 'record_event',
                             'checkpoint', 'confidential_blob', 'registry_participant', 'registry_event'] LOOP
        EXECUTE format('CREATE TRIGGER %I_no_change BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION phasegate_append_only()', t, t);
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION phasegate_append_only()', t, t);
    END LOOP;
END $$;

-- least privilege: the application works as phasegate_app, which may read and insert, nothing else
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'phasegate_app') THEN
        CREATE ROLE phasegate_app NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA public TO phasegate_app;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM phasegate_app;
GRANT SELECT, INSERT ON ledger_entry, app_user, user_key, record, attestation, record_event, checkpoint,
    confidential_blob, registry_participant, registry_event TO phasegate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entry, app_user, user_key, record, attestation, record_event, checkpoint,
    confidential_blob, registry_participant, registry_event FROM PUBLIC;
