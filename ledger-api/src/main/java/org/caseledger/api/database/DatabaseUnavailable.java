package org.caseledger.api.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, network gone) from a defect.
 * The causes arrive wrapped by Spring, Axon and the pool in different ways, so the whole chain is searched.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        return find(failure) != null;
    }

    /**
     * The deepest cause under the one that showed the database out of reach: the wrappers (a transaction that could
     * not be created) say less than the driver's own words (connection refused).
     */
    public static String describe(Throwable failure) {
        Throwable cause = find(failure);
        if (cause == null) {
            return "";
        }
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // A rollback that fails because the connection is gone hides the original failure inside it.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && find(rollback.getApplicationException()) != null) {
                return rollback.getApplicationException();
            }
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && lostConnection(sql.getSQLState())
                    // a rollback on a connection the pool closed when it broke: the failure that broke it may be lost
                    || ClosedPoolConnection.raised(cause)) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /**
     * SQLSTATE class 08 is a connection exception; 57P01–57P03 are the server shutting down or not yet accepting
     * connections.
     */
    private static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
