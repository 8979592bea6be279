package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link ClosedPoolConnection} relies on in HikariCP: a connection whose statement failed with a connection
 * exception is closed by the pool, and the rollback that follows fails with no SQLSTATE, raised by the pool's stand-in.
 * The driver is a stand-in too, so that the connection breaks exactly when the test says.
 */
class ClosedPoolConnectionTest {

    @Test
    void givenAConnectionThatBrokeWhenItsTransactionIsRolledBackThenThePoolsFailureIsKnownAsALostConnection() throws Exception {
        Connection physical = mock(Connection.class);
        when(physical.isValid(anyInt())).thenReturn(true);
        when(physical.createStatement()).thenThrow(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        DataSource driver = mock(DataSource.class);
        when(driver.getConnection()).thenReturn(physical);
        HikariConfig config = new HikariConfig();
        config.setDataSource(driver);
        config.setMaximumPoolSize(1);
        config.setPoolName("closed-connection-test");

        try (HikariDataSource pool = new HikariDataSource(config); Connection handle = pool.getConnection()) {
            SQLException broke = catchThrowableOfType(SQLException.class, handle::createStatement);
            SQLException rollback = catchThrowableOfType(SQLException.class, handle::rollback);

            assertThat(broke.getSQLState()).isEqualTo("08006");
            assertThat(ClosedPoolConnection.raised(broke)).as("the driver's own failure has its SQLSTATE").isFalse();
            assertThat((Throwable) rollback).as("the rollback on the closed connection fails").isNotNull();
            assertThat(rollback.getSQLState()).as("and says nothing of why").isNull();
            assertThat(ClosedPoolConnection.raised(rollback)).isTrue();
        }
    }

    @Test
    void givenAnSqlFailureWithoutSqlStateFromElsewhereThenItIsNotTakenForALostConnection() {
        assertThat(ClosedPoolConnection.raised(new SQLException("Connection is closed"))).isFalse();
        assertThat(ClosedPoolConnection.raised(new IllegalStateException("Connection is closed"))).isFalse();
    }
}
