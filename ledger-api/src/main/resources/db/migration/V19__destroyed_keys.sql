-- Each node looks every second for keys destroyed since its last look (DestroyedKeysPoll): a partial index keeps that
-- look to the destroyed keys, not a scan of every key.
CREATE INDEX data_key_destroyed ON data_key (destroyed_at) WHERE destroyed_at IS NOT NULL;
