package org.caseledger.projections.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One countable fact: what it counts for, what it is about, the unit and the day that place it, a dimension to
 * break it down by (reporter type, partner, topic…) and a value (1, or participants, or days).
 */
public record MetricFact(Metric metric, String subject, String caseId, String unit, LocalDate day, String dimension, BigDecimal value) {

    static MetricFact one(Metric metric, String subject, String caseId, String unit, LocalDate day, String dimension) {
        return new MetricFact(metric, subject, caseId, unit, day, dimension, BigDecimal.ONE);
    }
}
