package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

    @Test
    void givenTheDriversRefusalWrappedBySpringWhenDescribedThenTheDriversOwnWordsAreGiven() {
        Throwable failure = new IllegalStateException("command failed", new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));

        assertThat(DatabaseUnavailable.causes(failure)).isTrue();
        assertThat(DatabaseUnavailable.describe(failure)).isEqualTo("SQLException: Connection to 127.0.0.1:5432 refused");
    }

    @Test
    void givenAFailureWithNoLostConnectionInItWhenDescribedThenNothingIsSaid() {
        Throwable failure = new IllegalStateException("a defect", new SQLException("duplicate key", "23505"));

        assertThat(DatabaseUnavailable.causes(failure)).isFalse();
        assertThat(DatabaseUnavailable.describe(failure)).isEmpty();
    }
}
