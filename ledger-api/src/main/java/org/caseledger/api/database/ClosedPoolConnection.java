package org.caseledger.api.database;

import java.sql.SQLException;

/**
 * The connection pool's word for a connection it has already thrown away. When a statement fails because the connection
 * is gone (SQLSTATE class 08), HikariCP closes that connection and puts a stand-in behind the application's handle; every
 * later call on the handle, the rollback of the failed transaction among them, fails with "Connection is closed" and no
 * SQLSTATE. A rollback that fails so hides the original failure from whoever catches it first (Axon rolls back and
 * rethrows the rollback's failure), so the stand-in's exception must itself be recognised as a lost connection.
 * <p>
 * This depends on HikariCP's internals (the class that raises it); {@code ClosedPoolConnectionTest} pins that behaviour,
 * so that an upgrade that changes it fails a test and not an answer.
 */
public final class ClosedPoolConnection {

    /** The class of HikariCP's stand-in for a closed connection. */
    static final String STAND_IN = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private ClosedPoolConnection() {
    }

    /** Whether the exception was raised by the pool's stand-in for a connection it has closed. */
    public static boolean raised(Throwable failure) {
        if (!(failure instanceof SQLException sql) || sql.getSQLState() != null) {
            return false;
        }
        for (StackTraceElement frame : sql.getStackTrace()) {
            if (STAND_IN.equals(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }
}
