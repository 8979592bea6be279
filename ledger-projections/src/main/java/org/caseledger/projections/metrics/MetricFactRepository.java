package org.caseledger.projections.metrics;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code metric_fact} table. A fact is keyed by the event that produced it, so replaying an event adds nothing. */
@Repository
public class MetricFactRepository {

    private final JdbcTemplate jdbc;

    public MetricFactRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts one event produced: its stream and sequence number are their key. */
    public record Produced(String stream, long sequenceNumber, List<MetricFact> facts) {
    }

    public void addAll(List<Produced> produced) {
        List<Object[]> rows = new ArrayList<>();
        for (Produced event : produced) {
            for (MetricFact fact : event.facts()) {
                rows.add(new Object[] {event.stream(), event.sequenceNumber(), fact.metric().name(), fact.subject(),
                        fact.caseId() == null ? null : UUID.fromString(fact.caseId()), fact.unit(), Date.valueOf(fact.day()),
                        fact.dimension(), fact.value()});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO metric_fact (stream, sequence_number, metric, subject, case_id, unit, day, dimension, value) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows);
        }
    }

    public void deleteAll() {
        jdbc.update("TRUNCATE metric_fact");
    }
}
