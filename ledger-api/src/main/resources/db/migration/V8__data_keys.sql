-- One data key per case file and per person's registration, each owned by a person (a case file's by its
-- child), wrapped by the master key. Erasing a person sets the wrapped key of everything they own to NULL: the
-- rows stay, the personal data in the events can no longer be read.
CREATE TABLE data_key (
    key_id       UUID        PRIMARY KEY,
    owner_id     UUID        NOT NULL,
    wrapped_key  BYTEA,
    created_at   TIMESTAMPTZ NOT NULL,
    destroyed_at TIMESTAMPTZ,
    CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
CREATE INDEX data_key_owner ON data_key (owner_id);

-- A destroyed key stays destroyed.
CREATE FUNCTION keep_data_key_destroyed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.wrapped_key IS NULL AND NEW.wrapped_key IS NOT NULL THEN
        RAISE EXCEPTION 'data key % was destroyed and cannot be restored', OLD.key_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.key_id <> OLD.key_id OR NEW.owner_id <> OLD.owner_id THEN
        RAISE EXCEPTION 'a data key keeps its id and owner' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER data_key_destroyed_stays_destroyed BEFORE UPDATE ON data_key FOR EACH ROW EXECUTE FUNCTION keep_data_key_destroyed();

GRANT SELECT, INSERT, UPDATE ON data_key TO ${application_role};
