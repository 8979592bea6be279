-- Whether the key tables were rewritten clean (VACUUM FULL) after an epoch's rewrap, kept in the database instead of a
-- node's memory: a rewrite that could not finish (an old transaction still saw the replaced versions) is owed until one
-- succeeds, by whichever node polls next, after a restart too (docs/privacy.md, "What erasure removes, and when").
ALTER TABLE key_epoch ADD COLUMN key_tables_rewritten_at TIMESTAMPTZ;
