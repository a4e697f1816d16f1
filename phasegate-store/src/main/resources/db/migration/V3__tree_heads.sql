-- RFC 9162 Merkle tree over the ledger entries (leaf i = entry i+1's hash) and signed tree heads.

-- complete subtrees of 2^8 leaves and more (level 8 and up): any proof is assembled from O(log n) of them plus
-- fewer than 2 x 256 entry hashes; a projection of the ledger like the query tables, checked by ledger verify
CREATE TABLE merkle_node (
    level INTEGER NOT NULL,
    idx   BIGINT  NOT NULL,   -- leaves [idx * 2^level, (idx + 1) * 2^level)
    hash  BYTEA   NOT NULL,
    PRIMARY KEY (level, idx)
);

-- signatures on tree heads (size, root, time) by users: the log's own and witnesses' of other organisations.
-- Not a projection: each row stands on its own signature, checked by ledger verify against the signer's key
-- from the ledger and the tree's root at that size.
CREATE TABLE head_signature (
    tree_size BIGINT      NOT NULL,
    root      BYTEA       NOT NULL,
    signer    TEXT        NOT NULL,
    key_seq   BIGINT      NOT NULL REFERENCES ledger_entry (seq),
    at        TIMESTAMPTZ NOT NULL,
    signature BYTEA       NOT NULL,
    PRIMARY KEY (tree_size, signer)
);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['merkle_node', 'head_signature'] LOOP
        EXECUTE format('CREATE TRIGGER %I_no_change BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION phasegate_append_only()', t, t);
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION phasegate_append_only()', t, t);
    END LOOP;
END $$;
GRANT SELECT, INSERT ON merkle_node, head_signature TO phasegate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON merkle_node, head_signature FROM PUBLIC;
