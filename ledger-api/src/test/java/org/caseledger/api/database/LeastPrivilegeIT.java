package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.caseledger.api.setup.Setup;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the serving process checks of its login and its role before it uses a database server (FreshClusterIT shows the
 * refusals as the packaged ledger's; here each check is broken and mended on a test database of its own, one for the
 * class: each break is mended before the next test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastPrivilegeIT {

    private static final RoleName ROLE = new RoleName(TestDatabase.APPLICATION_ROLE);
    private static final String PASSWORD = "ledger-it-probe";

    private final TestDatabase.Database database = TestDatabase.another();

    @Test
    void theTestLoginAndItsRoleMayRunTheLedger() throws Exception {
        try (Connection login = login()) {
            assertThatCode(() -> LeastPrivilege.checkLogin(login, Setup.SERVER)).doesNotThrowAnyException();
            switchToRole(login);
            assertThatCode(() -> LeastPrivilege.checkRole(login, ROLE)).doesNotThrowAnyException();
        }
    }

    @Test
    void aSuperuserLoginIsRefusedOnAServerAndTakenByTheEmbeddedDefault() throws Exception {
        try (Connection superuser = database.ownerConnection()) {
            assertThatThrownBy(() -> LeastPrivilege.checkLogin(superuser, Setup.SERVER)).hasMessageContaining("a superuser");
            assertThatCode(() -> LeastPrivilege.checkLogin(superuser, Setup.EMBEDDED)).doesNotThrowAnyException();
        }
    }

    @Test
    void aLoginThatCanActAsASuperuserIsRefused() throws Exception {
        String login = temporaryLogin("");
        try {
            asOwner("GRANT " + superuser() + " TO " + login);
            try (Connection connection = DriverManager.getConnection(database.url(), login, PASSWORD)) {
                assertThatThrownBy(() -> LeastPrivilege.checkLogin(connection, Setup.SERVER)).hasMessageContaining("who can act as the superuser");
            }
        } finally {
            asOwner("DROP ROLE " + login);
        }
    }

    @Test
    void aLoginThatMayCreateRolesIsRefused() throws Exception {
        String login = temporaryLogin("CREATEROLE");
        try (Connection connection = DriverManager.getConnection(database.url(), login, PASSWORD)) {
            assertThatThrownBy(() -> LeastPrivilege.checkLogin(connection, Setup.SERVER)).hasMessageContaining("may create roles");
        } finally {
            asOwner("DROP ROLE " + login);
        }
    }

    @Test
    void aRoleThatCanActAsTheOwnerOfALedgerTableIsRefused() throws Exception {
        // A ledger table of another owner, whose role the application role is a member of (roles are the server's: the
        // owner is one of this test's own, and its table is in this database alone)
        String owner = temporaryRole("ledger_it_owner_", "NOLOGIN");
        try {
            asOwner("CREATE TABLE owned_ledger_probe (id int)");
            asOwner("CREATE TRIGGER owned_ledger_probe_append_only BEFORE UPDATE OR DELETE ON owned_ledger_probe "
                    + "FOR EACH ROW EXECUTE FUNCTION reject_ledger_change()");
            asOwner("ALTER TABLE owned_ledger_probe OWNER TO " + owner);
            asOwner("GRANT " + owner + " TO " + ROLE);
            assertRoleRefused("may change or remove rows of owned_ledger_probe");
        } finally {
            asOwner("DROP TABLE IF EXISTS owned_ledger_probe");
            asOwner("DROP ROLE " + owner);
        }
    }

    @Test
    void aRoleThatMayChangeALedgerTableIsRefused() throws Exception {
        asOwner("GRANT UPDATE ON access_log_seal TO " + ROLE);
        try {
            assertRoleRefused("may change or remove rows of access_log_seal");
        } finally {
            asOwner("REVOKE UPDATE ON access_log_seal FROM " + ROLE);
        }
    }

    @Test
    void aRoleTheSchemaWasNotMigratedForIsRefusedWithTheRoleItWas() throws Exception {
        asOwner("REVOKE INSERT ON domain_event_entry FROM " + ROLE);
        try {
            assertRoleRefused("may not append to the ledger");
        } finally {
            asOwner("GRANT INSERT ON domain_event_entry TO " + ROLE);
        }
    }

    @Test
    void aRoleThatMayNotVacuumAKeyTableIsRefused() throws Exception {
        // A key table handed to an owner the application role is no member of (a role of this test's own)
        String owner = temporaryRole("ledger_it_keys_", "NOLOGIN");
        try {
            asOwner("ALTER TABLE name_lookup OWNER TO " + owner);
            assertRoleRefused("may not vacuum name_lookup (owned by " + owner + ")");
        } finally {
            asOwner("ALTER TABLE name_lookup OWNER TO " + LedgerMigrations.keyOwnerOf(ROLE));
            asOwner("DROP ROLE " + owner);
        }
    }

    /**
     * A login role of this test's own on the server, with the given attributes; it may connect as PUBLIC may. The caller
     * drops it.
     */
    private String temporaryLogin(String attributes) throws Exception {
        return temporaryRole("ledger_it_probe_", "LOGIN " + attributes + " PASSWORD '" + PASSWORD + "'");
    }

    /** A role of this test's own on the server (roles are the server's, shared by every test database). The caller drops it. */
    private String temporaryRole(String prefix, String attributes) throws Exception {
        String role = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        asOwner("CREATE ROLE " + role + " " + attributes);
        return role;
    }

    /** The ledger's login, switched to its role as the ledger's connections are, is refused for the reason given. */
    private void assertRoleRefused(String why) throws Exception {
        try (Connection login = login()) {
            switchToRole(login);
            assertThatThrownBy(() -> LeastPrivilege.checkRole(login, ROLE)).hasMessageContaining(why);
        }
    }

    private String superuser() throws Exception {
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement();
             var rs = sql.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void asOwner(String statement) throws Exception {
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute(statement);
        }
    }

    private Connection login() throws Exception {
        return DriverManager.getConnection(database.url(), TestDatabase.LOGIN, TestDatabase.LOGIN_PASSWORD);
    }

    private static void switchToRole(Connection connection) throws Exception {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET ROLE " + ROLE);
        }
    }
}
