-- The HTTP API (phasegate-server): API tokens, their revocations, idempotency keys of record submissions, and the
-- access log (denied requests and reads of restricted or confidential data). None of these is in the ledger: a
-- denied or anonymous request has no key to sign with. All are append-only, like the rest of the store.

-- a token is "pgt_<id>_<secret>": only SHA-256(secret) is kept; the user's signing key is sealed under the secret
-- (as user_key is under the password, see KeySeal), so a token can sign as its user and the store alone cannot
CREATE TABLE api_token (
    id          TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL REFERENCES app_user (name),
    label       TEXT        NOT NULL,
    scopes      TEXT        NOT NULL,          -- space-separated: read, write
    secret_hash BYTEA       NOT NULL,
    key_seq     BIGINT      NOT NULL,          -- the user's key it holds; a later rotation makes the token stale
    nonce       BYTEA       NOT NULL,
    private_key BYTEA       NOT NULL,
    kek_salt    BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_token_revocation (
    id      TEXT        PRIMARY KEY REFERENCES api_token (id),
    by_user TEXT        NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);

-- the first response to (user, key) of a record submission, replayed for a retry with the same key
CREATE TABLE api_idempotency (
    name         TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash BYTEA       NOT NULL,
    status       INT         NOT NULL,
    response     TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (name, key)
);

-- who (user or "anonymous"), what (method, route, status, why), when, from where (client address)
CREATE TABLE api_access_log (
    id       BIGSERIAL   PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL,
    who      TEXT        NOT NULL,
    role     TEXT        NOT NULL,
    address  TEXT        NOT NULL,
    method   TEXT        NOT NULL,
    path     TEXT        NOT NULL,
    status   INT         NOT NULL,
    what     TEXT        NOT NULL
);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['api_token_revocation', 'api_idempotency', 'api_access_log'] LOOP
        EXECUTE format('CREATE TRIGGER %I_no_change BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION phasegate_append_only()', t, t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['api_token', 'api_token_revocation', 'api_idempotency', 'api_access_log'] LOOP
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION phasegate_append_only()', t, t);
    END LOOP;
END $$;
-- api_token may only be re-sealed (data key rotation), like user_key
CREATE TRIGGER api_token_reseal_only BEFORE UPDATE OR DELETE ON api_token FOR EACH ROW EXECUTE FUNCTION phasegate_reseal_only();

GRANT SELECT, INSERT ON api_token, api_token_revocation, api_idempotency, api_access_log TO phasegate_app;
GRANT USAGE ON SEQUENCE api_access_log_id_seq TO phasegate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON api_token, api_token_revocation, api_idempotency, api_access_log FROM PUBLIC;
