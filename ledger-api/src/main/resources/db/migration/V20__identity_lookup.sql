-- Finding a person by identity number without decrypting every registration (POST /api/persons/search): a keyed digest
-- of the number, HMAC-SHA256 under a key derived from the master key, which never enters the database. Written when
-- the person is registered, deleted when the person is erased (and vacuumed with the erasure's completion). Not a read
-- model: the events hold the number encrypted, and a rebuild reads no key, so it is kept like the data keys are.
CREATE TABLE identity_lookup (
    person_id UUID  PRIMARY KEY,
    digest    BYTEA NOT NULL
);
CREATE INDEX identity_lookup_digest ON identity_lookup (digest);

GRANT SELECT, INSERT, DELETE ON identity_lookup TO ${application_role};
