-- Key rotation (user.key entries). V1 reached main, so it stays as it was; this adds to it.

-- every public key a user has had, from user.add and user.key entries; the latest is current
-- (app_user.public_key stays the key the user was created with)
CREATE TABLE user_public_key (
    name       TEXT   NOT NULL REFERENCES app_user (name),
    public_key BYTEA  NOT NULL,
    seq        BIGINT PRIMARY KEY REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO user_public_key (name, public_key, seq) SELECT name, public_key, seq FROM app_user;

-- private keys: one row per key, the latest (highest seq) in use
ALTER TABLE user_key DISABLE TRIGGER user_key_no_change;
ALTER TABLE user_key ADD COLUMN seq BIGINT;
UPDATE user_key k SET seq = u.seq FROM app_user u WHERE u.name = k.name;
ALTER TABLE user_key ALTER COLUMN seq SET NOT NULL;
ALTER TABLE user_key DROP CONSTRAINT user_key_pkey;
ALTER TABLE user_key ADD PRIMARY KEY (name, seq);
ALTER TABLE user_key ENABLE TRIGGER user_key_no_change;

CREATE TRIGGER user_public_key_no_change BEFORE UPDATE OR DELETE ON user_public_key
    FOR EACH ROW EXECUTE FUNCTION phasegate_append_only();
CREATE TRIGGER user_public_key_no_truncate BEFORE TRUNCATE ON user_public_key
    FOR EACH STATEMENT EXECUTE FUNCTION phasegate_append_only();
GRANT SELECT, INSERT ON user_public_key TO phasegate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON user_public_key FROM PUBLIC;
