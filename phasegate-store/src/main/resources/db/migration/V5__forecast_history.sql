-- Forecast history (issue 13): every saved forecast with its inputs and its questions' probabilities. Not ledger
-- entries (a forecast is a computation anyone can repeat from these inputs, not evidence), but append-only like them:
-- a saved forecast is never changed or deleted. Questions are resolved on read from the verified records.
CREATE TABLE forecast_run (
    id                BIGSERIAL        PRIMARY KEY,
    saved_at          TIMESTAMPTZ      NOT NULL,
    method            TEXT             NOT NULL CHECK (method IN ('forecast', 'nowcast')),
    scenario_id       TEXT             NOT NULL,
    scenario_sha256   TEXT             NOT NULL CHECK (scenario_sha256 ~ '^[0-9a-f]{64}$'),
    assumption_set    TEXT             NOT NULL,
    assumption_sha256 TEXT             NOT NULL CHECK (assumption_sha256 ~ '^[0-9a-f]{64}$'),
    evidence_cutoff   TIMESTAMPTZ      NOT NULL,   -- the as-of date: only records dated at or before it were read
    seed              BIGINT           NOT NULL,
    runs              INTEGER          NOT NULL CHECK (runs > 0),
    code_version      TEXT             NOT NULL
);

CREATE TABLE forecast_question (
    run_id   BIGINT           NOT NULL REFERENCES forecast_run (id),
    question TEXT             NOT NULL,   -- the question's id, e.g. gate-open:GATE:by:INSTANT
    kind     TEXT             NOT NULL CHECK (kind IN ('gate-open', 'phase-complete', 'collapse')),
    subject  TEXT             NOT NULL,
    by_time  TIMESTAMPTZ      NOT NULL,
    p        DOUBLE PRECISION NOT NULL CHECK (p >= 0 AND p <= 1),
    PRIMARY KEY (run_id, question)
);
CREATE INDEX forecast_question_by_question ON forecast_question (question);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['forecast_run', 'forecast_question'] LOOP
        EXECUTE format('CREATE TRIGGER %I_no_change BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION phasegate_append_only()', t, t);
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION phasegate_append_only()', t, t);
    END LOOP;
END $$;

GRANT SELECT, INSERT ON forecast_run, forecast_question TO phasegate_app;
GRANT USAGE ON SEQUENCE forecast_run_id_seq TO phasegate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON forecast_run, forecast_question FROM PUBLIC;
