-- Completing erasures replaces rows of data_key and deletes rows of identity_lookup and name_lookup; the replaced
-- versions stay in the tables' files until the completion rewrites them (VACUUM FULL; docs/privacy.md, "What erasure
-- removes, and when"). VACUUM needs the table's owner (PostgreSQL 17's MAINTAIN privilege does not exist before
-- it), and the serving process must never act as the owner of the ledger tables. So these three tables, which hold keys
-- and lookup digests and no history, are owned by a role of their own, ${key_owner_role}, which the bootstrap SQL creates
-- and makes the application role and the schema owner members of. The ledger tables stay the schema owner's.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${key_owner_role}') THEN
        RAISE EXCEPTION 'the key tables'' owner ${key_owner_role} does not exist: a superuser creates it (NOLOGIN) and grants it to ${application_role} and to the schema owner % before this migration (java -jar ledger-api.jar bootstrap-sql prints the statements; docs/operations.md, "2. Migrate")', current_user;
    END IF;
END
$$;

-- A new owner must be allowed to create in the schema at the moment it is given a table; it keeps no such right.
GRANT CREATE ON SCHEMA ${flyway:defaultSchema} TO ${key_owner_role};
ALTER TABLE data_key OWNER TO ${key_owner_role};
ALTER TABLE identity_lookup OWNER TO ${key_owner_role};
ALTER TABLE name_lookup OWNER TO ${key_owner_role};
REVOKE CREATE ON SCHEMA ${flyway:defaultSchema} FROM ${key_owner_role};
-- A foreign key to data_key (year_key's) is checked as data_key's owner, who must find the table in the schema.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${key_owner_role};

