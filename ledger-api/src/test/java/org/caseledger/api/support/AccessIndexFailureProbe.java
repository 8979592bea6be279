package org.caseledger.api.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.caseledger.api.access.AccessIndex;
import org.caseledger.core.cases.CaseOpened;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test-only handler in the access index's processing group, which runs in the transaction that appends the events.
 * Armed with the time a case's report was received, it writes a row and then fails on that case's opening with an
 * error that is no SQL error (the database would otherwise refuse the commit by itself). Unarmed it does nothing.
 */
@ProcessingGroup(AccessIndex.PROCESSING_GROUP)
public class AccessIndexFailureProbe {

    private final JdbcClient jdbc;
    private volatile Instant failOnReceivedAt;

    public AccessIndexFailureProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void failOn(Instant receivedAt) {
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS access_probe_write (marker TEXT NOT NULL)");
            statement.execute("GRANT SELECT, INSERT ON access_probe_write TO " + TestDatabase.APPLICATION_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the probe's table", e);
        }
        failOnReceivedAt = receivedAt;
    }

    public void heal() {
        failOnReceivedAt = null;
    }

    public long committedWrites(Instant receivedAt) {
        return jdbc.sql("SELECT count(*) FROM access_probe_write WHERE marker = ?").param(receivedAt.toString()).query(Long.class).single();
    }

    @EventHandler
    void on(CaseOpened event) {
        if (event.receivedAt().equals(failOnReceivedAt)) {
            jdbc.sql("INSERT INTO access_probe_write (marker) VALUES (?)").param(failOnReceivedAt.toString()).update();
            throw new IllegalStateException("the probe fails this opening on purpose");
        }
    }
}
