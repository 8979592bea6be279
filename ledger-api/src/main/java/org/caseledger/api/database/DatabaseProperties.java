package org.caseledger.api.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The roles of a ledger's database (docs/operations.md, "Setting up on a database server"). Each ledger database on a cluster names roles of its own:
 * roles are cluster-wide, and a role shared by two databases would be granted the ledger tables of both.
 *
 * @param applicationRole the role the serving process switches to on every connection, and which the migrations grant
 *                        reading and appending to ({@code ledger_app} by default)
 * @param ownerUser       the schema owner, who runs the migrations: read by the {@code migrate} step only
 * @param ownerPassword   the schema owner's password: read by the {@code migrate} step only. A serving process given
 *                        either refuses to start, so that it never holds the rights to change its own history
 */
@ConfigurationProperties("ledger.database")
public record DatabaseProperties(RoleName applicationRole, String ownerUser, String ownerPassword) {

    public DatabaseProperties {
        applicationRole = applicationRole == null ? new RoleName("ledger_app") : applicationRole;
        ownerUser = ownerUser == null || ownerUser.isBlank() ? null : ownerUser;
        ownerPassword = ownerPassword == null || ownerPassword.isEmpty() ? null : ownerPassword;
    }

    /** Never the password: this may end up in a log line. */
    @Override
    public String toString() {
        return "DatabaseProperties[" + applicationRole + ", owner " + ownerUser + (ownerPassword == null ? "" : ", with password") + "]";
    }
}
