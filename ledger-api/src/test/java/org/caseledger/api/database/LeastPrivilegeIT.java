package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.caseledger.api.setup.Setup;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * What the serving process checks of its login and its role before it uses a database server (FreshClusterIT shows the
 * refusals as the packaged ledger's; here each check is broken and mended on a test database of its own).
 */
class LeastPrivilegeIT {

    private static final RoleName ROLE = new RoleName(TestDatabase.APPLICATION_ROLE);

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
    void aRoleThatMayChangeALedgerTableIsRefused() throws Exception {
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("GRANT UPDATE ON access_log_seal TO " + ROLE);
        }
        try (Connection login = login()) {
            switchToRole(login);
            assertThatThrownBy(() -> LeastPrivilege.checkRole(login, ROLE)).hasMessageContaining("may change or remove rows of access_log_seal");
        }
    }

    @Test
    void aRoleTheSchemaWasNotMigratedForIsRefusedWithTheRoleItWas() throws Exception {
        try (Connection owner = database.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("REVOKE INSERT ON domain_event_entry FROM " + ROLE);
        }
        try (Connection login = login()) {
            switchToRole(login);
            assertThatThrownBy(() -> LeastPrivilege.checkRole(login, ROLE)).hasMessageContaining("may not append to the ledger");
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
