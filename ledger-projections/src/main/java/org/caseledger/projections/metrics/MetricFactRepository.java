package org.caseledger.projections.metrics;

import java.sql.Date;
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

    public void add(String stream, long sequenceNumber, List<MetricFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO metric_fact (stream, sequence_number, metric, subject, case_id, unit, day, dimension, value) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                facts.stream().map(fact -> new Object[] {stream, sequenceNumber, fact.metric().name(), fact.subject(),
                        fact.caseId() == null ? null : UUID.fromString(fact.caseId()), fact.unit(), Date.valueOf(fact.day()),
                        fact.dimension(), fact.value()}).toList());
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM metric_fact");
    }
}
