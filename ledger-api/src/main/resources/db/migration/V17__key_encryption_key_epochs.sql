-- Erased means erased (issue #15): data keys are wrapped by a key-encryption key (KEK) of an epoch, kept outside the
-- database in the key directory, itself encrypted under the master key. Completing erasures re-wraps every surviving
-- data key under a new epoch's KEK and destroys the older KEK files, so that no copy of an erased person's wrapped key
-- left in dead tuples, the WAL or a backup can be unwrapped any more (docs/privacy.md, "What erasure removes, and when").
CREATE TABLE key_epoch (
    epoch        INTEGER     PRIMARY KEY CHECK (epoch >= 1),
    kek_id       UUID        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    destroyed_at TIMESTAMPTZ
);
GRANT SELECT, INSERT, UPDATE ON key_epoch TO ${application_role};

-- NULL: wrapped directly by the master key, as before epochs existed.
ALTER TABLE data_key ADD COLUMN kek_epoch INTEGER REFERENCES key_epoch (epoch);

-- How many data keys had been destroyed when an epoch began: more destroyed since means an erasure to complete.
ALTER TABLE key_epoch ADD COLUMN destroyed_keys_covered INTEGER NOT NULL DEFAULT 0;
