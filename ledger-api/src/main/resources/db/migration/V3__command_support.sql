-- Answers to commands sent with an Idempotency-Key, so that a retry writes nothing new and gets the first answer.
-- A key belongs to the member of staff who sent it; the fingerprint tells a retry from a different request.
CREATE TABLE idempotent_request (
    actor           VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    status          INTEGER      NOT NULL,
    location        VARCHAR(500),
    version         BIGINT,
    body            TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (actor, idempotency_key)
);

-- Case numbers are year plus serial; a serial taken by a command that then failed is simply skipped.
CREATE SEQUENCE case_number_serial;
