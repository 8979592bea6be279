package org.caseledger.api.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.projections.readmodels.CaseViewProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test-only handler in the case view's processing group. Armed with the time a report of concern was received, it
 * writes a row the way a projection does and then fails on that report; the row must not survive. Unarmed it
 * does nothing, so it can live in the context every integration test shares. It knows the report by its time, not its
 * summary: the read models are given personal texts sealed.
 */
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class ProjectionFailureProbe {

    private final JdbcClient jdbc;
    private volatile Instant failOnReceivedAt;
    private final AtomicInteger failures = new AtomicInteger();

    public ProjectionFailureProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void failOn(Instant reportReceivedAt) {
        failures.set(0);
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS probe_write (marker TEXT NOT NULL)");
            statement.execute("GRANT SELECT, INSERT ON probe_write TO " + TestDatabase.APPLICATION_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the probe's table", e);
        }
        failOnReceivedAt = reportReceivedAt;
    }

    public void heal() {
        failOnReceivedAt = null;
    }

    public int failures() {
        return failures.get();
    }

    public long committedWrites(Instant reportReceivedAt) {
        return jdbc.sql("SELECT count(*) FROM probe_write WHERE marker = ?").param(reportReceivedAt.toString()).query(Long.class).single();
    }

    @EventHandler
    void on(ReportOfConcernReceived event) {
        if (event.receivedAt().equals(failOnReceivedAt)) {
            jdbc.sql("INSERT INTO probe_write (marker) VALUES (?)").param(failOnReceivedAt.toString()).update();
            failures.incrementAndGet();
            throw new IllegalStateException("the probe fails this event on purpose");
        }
    }
}
