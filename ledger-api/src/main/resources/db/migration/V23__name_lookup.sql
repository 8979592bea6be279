-- Finding a child by name without decrypting every registration (the case list's search, POST /api/v1/persons/search):
-- per registered person, a keyed digest of each word of the name (HMAC-SHA256 under a key derived from the master
-- key, with a purpose of its own), so that "Alva Lind" is found by "lind alva" but never by a part of a word. Written
-- when the person is registered, deleted when the person is erased and vacuumed with the erasure's completion, like
-- identity_lookup (docs/privacy.md, "Finding a person").
CREATE TABLE name_lookup (
    person_id UUID  NOT NULL,
    digest    BYTEA NOT NULL,
    PRIMARY KEY (person_id, digest)
);
CREATE INDEX name_lookup_digest ON name_lookup (digest);

GRANT SELECT, INSERT, DELETE ON name_lookup TO ${application_role};
