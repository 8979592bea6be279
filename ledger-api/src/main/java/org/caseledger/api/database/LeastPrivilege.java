package org.caseledger.api.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.caseledger.api.setup.Setup;

/**
 * What a serving process checks of its rights before it uses the database, on one connection made as its pool's will be:
 * that neither its login nor the role it switches to could change or remove what the ledger holds. The append-only triggers
 * refuse an UPDATE, a DELETE or a TRUNCATE of a ledger row from anyone, but the tables' owner (or a superuser) can
 * switch them off; a process holding such rights could rewrite history, and only the signatures outside the database
 * would show it afterwards.
 */
public final class LeastPrivilege {

    /** The ledger tables: those whose triggers refuse changes (V1 and later). */
    private static final String LEDGER_TABLES = """
            SELECT DISTINCT c.oid, c.relname, c.relowner FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE p.proname = 'reject_ledger_change' AND c.relnamespace = current_schema()::regnamespace""";

    /** The tables of keys and lookup digests, which the completion of erasures vacuums (V31). */
    private static final String KEY_TABLES = "'data_key'::regclass, 'identity_lookup'::regclass, 'name_lookup'::regclass";

    private LeastPrivilege() {
    }

    /**
     * Refuses a login that is, or can become, a superuser or the owner of the ledger tables: switching to the role would
     * not help, since a session can switch back ({@code RESET ROLE}). Checked before the switch. The embedded default is
     * its own operator and logs in as its cluster's superuser.
     */
    public static void checkLogin(Connection connection, Setup setup) {
        if (setup == Setup.EMBEDDED) {
            return;
        }
        try {
            String login = single(connection, "SELECT session_user");
            // A superuser is a member of every role; anyone else may be a member of a superuser's.
            String superusers = single(connection, "SELECT CASE WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
                    + "THEN session_user ELSE (SELECT coalesce(string_agg(rolname, ', '), '') FROM pg_roles "
                    + "WHERE rolsuper AND pg_has_role(session_user, oid, 'MEMBER')) END");
            if (!superusers.isEmpty()) {
                throw refused("it logs in as " + login + (superusers.equals(login) ? ", a superuser" : ", who can act as the superuser "
                        + superusers) + ". Log in as a role that is a member of the application role and nothing more (the bootstrap "
                        + "SQL creates one)");
            }
            // A role that may create roles may also grant itself membership in the owner's role (before PostgreSQL 16).
            if (Boolean.parseBoolean(single(connection, "SELECT rolcreaterole::text FROM pg_roles WHERE rolname = session_user"))) {
                throw refused("it logs in as " + login + ", who may create roles and so make itself the tables' owner. Log in as a "
                        + "role that is a member of the application role and nothing more");
            }
            String owners = single(connection, "SELECT coalesce(string_agg(DISTINCT relowner::regrole::text, ', '), '') FROM ("
                    + LEDGER_TABLES + ") ledger WHERE pg_has_role(session_user, relowner, 'MEMBER')");
            if (!owners.isEmpty()) {
                throw refused("it logs in as " + login + ", who can act as " + owners + ", the owner of the ledger tables. The "
                        + "owner's credentials belong to the migrate step only; log in as a role that is a member of the application role");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the ledger's login: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a role that may change or remove ledger rows, may not append to the ledger, or may not vacuum the key tables.
     * Checked after the switch.
     */
    public static void checkRole(Connection connection, RoleName role) {
        try {
            String current = single(connection, "SELECT current_user");
            if (!role.value().equals(current)) {
                throw refused("its connections act as " + current + ", not as its role " + role);
            }
            String changeable = single(connection, "SELECT coalesce(string_agg(relname, ', ' ORDER BY relname), '') FROM (" + LEDGER_TABLES
                    + ") ledger WHERE has_table_privilege(oid, 'UPDATE') OR has_table_privilege(oid, 'DELETE') "
                    + "OR has_table_privilege(oid, 'TRUNCATE') OR pg_has_role(current_user, relowner, 'MEMBER')");
            if (!changeable.isEmpty()) {
                throw refused("its role " + role + " may change or remove rows of " + changeable + ": it may only read and append them");
            }
            if (!Boolean.parseBoolean(single(connection, "SELECT has_table_privilege('domain_event_entry', 'INSERT')::text"))) {
                throw new IllegalStateException("The ledger's role " + role + " may not append to the ledger. The migrations granted that to "
                        + single(connection, "SELECT coalesce(string_agg(a.grantee::regrole::text, ', '), 'no one') "
                                + "FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = 'domain_event_entry'::regclass "
                                + "AND a.privilege_type = 'INSERT' AND a.grantee <> c.relowner")
                        + ": ledger.database.application-role must name the role the schema was first migrated for (ADR 0017)");
            }
            String unvacuumable = single(connection, "SELECT coalesce(string_agg(relname || ' (owned by ' || relowner::regrole::text || ')', ', ' "
                    + "ORDER BY relname), '') FROM pg_class WHERE oid IN (" + KEY_TABLES + ") AND NOT pg_has_role(current_user, relowner, 'USAGE')");
            if (!unvacuumable.isEmpty()) {
                throw new IllegalStateException("The ledger's role " + role + " may not vacuum " + unvacuumable + ": an erased person's "
                        + "keys and lookup digests would stay in the tables' files. A superuser grants " + LedgerMigrations.keyOwnerOf(role)
                        + " to " + role + " (the bootstrap SQL does; docs/operations.md)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the ledger's rights in the database: " + e.getMessage(), e);
        }
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("The ledger refuses to run with rights to change or remove its own history: " + why
                + " (docs/operations.md, \"Setting up on a database server\")");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
