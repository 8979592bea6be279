-- The case ledger's roles and database on a PostgreSQL cluster (docs/operations.md, "Setting up on a database server"). Run once, before the first
-- migrate, as a superuser (or a role with CREATEROLE and CREATEDB), with the two passwords as psql variables so that
-- they are in no file:
--
--   psql -v owner_password='…' -v login_password='…' -f bootstrap.sql
--
-- The names below are the ledger's configuration's (`java -jar ledger-api.jar bootstrap-sql` printed them):
--   ${owner}  the schema owner: owns the database and every table, and runs the migrations (LEDGER_DB_OWNER_USER). It
--       cannot create roles, so the roles are created here, by a superuser, first.
--   ${application_role}  the role the migrations grant reading and appending to (ledger.database.application-role).
--       Roles are cluster-wide: each ledger database on a cluster names its own.
--   ${login}  the serving process's login (LEDGER_DB_USER): a member of ${application_role} and nothing more.
--   ${key_owner_role}  owns the tables of keys and lookup digests (V31), so that ${application_role}, its member, may
--       vacuum an erased person's keys and digests out of their files; it owns no ledger table. ${owner} is a member
--       too, to hand those tables over to it.
\set ON_ERROR_STOP on

CREATE ROLE ${owner} LOGIN PASSWORD :'owner_password';
CREATE ROLE ${application_role} NOLOGIN;
CREATE ROLE ${login} LOGIN PASSWORD :'login_password';
GRANT ${application_role} TO ${login};
CREATE ROLE ${key_owner_role} NOLOGIN;
GRANT ${key_owner_role} TO ${application_role};
GRANT ${key_owner_role} TO ${owner};

-- Other roles of the cluster (another ledger's login) may not even connect. The ledger's role counts past figures in
-- temporary tables (ADR 0016), which PUBLIC may no longer create here.
CREATE DATABASE ${database} OWNER ${owner};
REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
GRANT CONNECT ON DATABASE ${database} TO ${login};
GRANT TEMPORARY ON DATABASE ${database} TO ${application_role};

\connect ${database}
-- Only the owner creates objects: before PostgreSQL 15 anyone could create in the public schema.
ALTER SCHEMA public OWNER TO ${owner};
REVOKE ALL ON SCHEMA public FROM PUBLIC;
