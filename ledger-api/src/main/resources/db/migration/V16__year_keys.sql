-- Keys of a purpose and a calendar year (issue 15), for texts that may name a person but must outlive that person's
-- key for a while: an erasure's note (purpose erasure-notes) and the stated purpose of a read that touched no case or
-- person, or one whose key was already destroyed (purpose access-log-purposes). The key itself is a row of data_key,
-- owned by itself and wrapped like any other; this table says what it is for and from which day it is destroyed.
CREATE TABLE year_key (
    key_id        UUID        PRIMARY KEY REFERENCES data_key (key_id),
    purpose       VARCHAR(32) NOT NULL,
    year          SMALLINT    NOT NULL,
    destroy_from  DATE        NOT NULL,
    UNIQUE (purpose, year)
);
GRANT SELECT, INSERT ON year_key TO ${application_role};

-- The purpose stated in X-Purpose is stored encrypted from now on (docs/privacy.md): its ciphertext is longer than the
-- 500 characters of plain text it may hold. Changing varchar(500) to text rewrites no row, so the append-only
-- triggers are not involved, and the hashes, which cover the stored text, stay as they were.
ALTER TABLE access_log ALTER COLUMN purpose TYPE TEXT;
