-- Identity: registered organisations, deactivated users, signing keys sealed under a password-derived key,
-- failed sign-ins, secrets kept sealed under the data key, and re-sealing when the data key is rotated.

-- organisations: a projection of org.add entries and of the first admin's user.add (which registers its organisation);
-- id = the registering entry's seq
CREATE TABLE organisation (
    id   BIGINT PRIMARY KEY,
    name TEXT   NOT NULL,          -- as first registered (whitespace collapsed)
    norm TEXT   NOT NULL UNIQUE,   -- NFKC, case-folded, whitespace collapsed: two names with one norm are one organisation
    seq  BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);
-- (stores made before have no registered organisation: their admin registers them with org add)

-- projection of user.deactivate entries: a deactivated user signs nothing more
CREATE TABLE user_deactivation (
    name    TEXT   PRIMARY KEY REFERENCES app_user (name),
    by_user TEXT   NOT NULL,
    reason  TEXT   NOT NULL,
    seq     BIGINT NOT NULL REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);

-- the private key is sealed twice: under a key derived (Argon2id) from the user's password and this salt, then under
-- the data key; rows written before this migration have no salt (sealed under the data key only)
ALTER TABLE user_key ADD COLUMN kek_salt BYTEA;

-- failed sign-ins (wrong password): not in the ledger, as no key was unlocked to sign them
CREATE TABLE auth_failure (
    name   TEXT        NOT NULL,
    at     TIMESTAMPTZ NOT NULL,
    reason TEXT        NOT NULL
);

-- secrets of the store itself (e.g. the registry's pseudonym key), sealed under the data key
CREATE TABLE sealed_secret (
    purpose    TEXT  PRIMARY KEY,
    nonce      BYTEA NOT NULL,
    ciphertext BYTEA NOT NULL
);

-- sealed columns may be re-sealed (data key rotation, by the schema owner: the application role has no UPDATE);
-- nothing else in these rows may change, and nothing may be deleted
CREATE FUNCTION phasegate_reseal_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'nonce' - 'private_key' - 'ciphertext')
                          = (to_jsonb(OLD) - 'nonce' - 'private_key' - 'ciphertext') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'phasegate: table % only allows re-sealing; % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['user_key', 'confidential_blob', 'sealed_secret'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS %I_no_change ON %I', t, t);
        EXECUTE format('CREATE TRIGGER %I_reseal_only BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION phasegate_reseal_only()', t, t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['organisation', 'user_deactivation', 'auth_failure'] LOOP
        EXECUTE format('CREATE TRIGGER %I_no_change BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION phasegate_append_only()', t, t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['organisation', 'user_deactivation', 'auth_failure', 'sealed_secret'] LOOP
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION phasegate_append_only()', t, t);
    END LOOP;
END $$;

GRANT SELECT, INSERT ON organisation, user_deactivation, auth_failure, sealed_secret TO phasegate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON organisation, user_deactivation, auth_failure, sealed_secret FROM PUBLIC;
