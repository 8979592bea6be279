package org.caseledger.api.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.projections.caseview.CaseViewProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test-only handler in the case view's processing group. Armed with the summary of a report of concern, it
 * writes a row the way a projection does and then fails on that report; the row must not survive. Unarmed it
 * does nothing, so it can live in the context every integration test shares.
 */
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class ProjectionFailureProbe {

    private final JdbcClient jdbc;
    private volatile String failOnSummary;
    private final AtomicInteger failures = new AtomicInteger();

    public ProjectionFailureProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void failOn(String reportSummary) {
        failures.set(0);
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS probe_write (marker TEXT NOT NULL)");
            statement.execute("GRANT SELECT, INSERT ON probe_write TO ledger_app");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the probe's table", e);
        }
        failOnSummary = reportSummary;
    }

    public void heal() {
        failOnSummary = null;
    }

    public int failures() {
        return failures.get();
    }

    public long committedWrites(String reportSummary) {
        return jdbc.sql("SELECT count(*) FROM probe_write WHERE marker = ?").param(reportSummary).query(Long.class).single();
    }

    @EventHandler
    void on(ReportOfConcernReceived event) {
        if (event.summary().equals(failOnSummary)) {
            jdbc.sql("INSERT INTO probe_write (marker) VALUES (?)").param(failOnSummary).update();
            failures.incrementAndGet();
            throw new IllegalStateException("the probe fails this event on purpose");
        }
    }
}
