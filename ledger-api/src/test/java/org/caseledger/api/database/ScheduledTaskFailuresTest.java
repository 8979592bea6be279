package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ScheduledTaskFailuresTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ScheduledTaskFailures.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void givenTheDatabaseOutOfReachWhenAScheduledTaskFailsThenOneWarningWithoutAStackTraceIsLogged() {
        ScheduledTaskFailures.logged(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("out of reach", "SQLException: Connection to 127.0.0.1:5432 refused");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void givenADefectWhenAScheduledTaskFailsThenAnErrorWithItsStackTraceIsLogged() {
        ScheduledTaskFailures.logged(new IllegalStateException("a defect"));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("a defect");
        });
    }
}
