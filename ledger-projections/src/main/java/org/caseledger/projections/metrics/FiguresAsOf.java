package org.caseledger.projections.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.caseledger.core.cases.CaseId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.caseview.StoredCaseEvents;
import org.caseledger.projections.compliance.ComplianceRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit's figures as the ledger knew them at an instant: counted from the events it had recorded by then, whenever
 * they say things happened, so that a figure of a past month that has changed since can be told from one that has not.
 * Each case is folded from the prefix of its stream recorded by the instant (as time travel folds it), its metric facts
 * and compliance checks are derived and written as the read models' are, into temporary tables of their shape, and the
 * figures are counted from those by {@link MetricsQuery} itself: one fold, one derivation, one count, live or past.
 * <p>
 * The cases read are those that were ever in the unit as the ledger knows them now ({@code case_access} for the unit a
 * case has now, the case view's transfers for the units it had before): events are never removed, so a case in the
 * unit at the instant is among them. The cost grows with the unit's cases and the ledger's outreach (docs/metrics.md).
 */
@Component
public class FiguresAsOf {

    private static final String FACTS = "figures_as_of_fact";
    private static final String CHECKS = "figures_as_of_check";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StoredCaseEvents caseEvents;
    private final StoredOutreachEvents outreachEvents;
    private final MetricFactRepository facts;
    private final ComplianceRepository checks;
    private final MetricsQuery query;

    public FiguresAsOf(JdbcTemplate jdbc, PlatformTransactionManager transactions, StoredCaseEvents caseEvents,
                       StoredOutreachEvents outreachEvents, MetricFactRepository facts, ComplianceRepository checks, MetricsQuery query) {
        this.jdbc = jdbc;
        // A transaction of its own: the temporary tables live and die with it, and a read-only one may not create them.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.caseEvents = caseEvents;
        this.outreachEvents = outreachEvents;
        this.facts = facts;
        this.checks = checks;
        this.query = query;
    }

    /**
     * The report {@link MetricsQuery#report} gives, counted from what the ledger had recorded by {@code asOf}.
     * {@code today} decides which open checks are overdue: the day of {@code asOf} for the figures as they read then, or
     * today to tell only what the recording changed.
     */
    public MetricsQuery.Report report(Instant asOf, String unit, LocalDate from, LocalDate to, MetricsQuery.Period period,
                                      LocalDate baselineFrom, LocalDate baselineTo, LocalDate today) {
        return transaction.execute(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE " + FACTS + " (LIKE metric_fact INCLUDING ALL) ON COMMIT DROP");
            jdbc.execute("CREATE TEMPORARY TABLE " + CHECKS + " (LIKE compliance_check INCLUDING ALL) ON COMMIT DROP");
            List<CaseView> views = casesEverIn(unit).stream().map(caseId -> CaseViewFold.recordedBy(caseEvents.of(caseId), asOf))
                    .filter(events -> !events.isEmpty()).map(CaseViewFold::fold).toList();
            List<MetricFactRepository.Produced> outreach = outreachEvents.all().stream()
                    .filter(stored -> !stored.event().envelope().recordedAt().isAfter(asOf))
                    .filter(stored -> stored.event().envelope().unit().value().equals(unit))
                    .map(stored -> new MetricFactRepository.Produced(stored.event().activityId().toString(), stored.sequenceNumber(),
                            MetricFacts.of(stored.event())))
                    .toList();
            facts.insertInto(FACTS, views, outreach);
            checks.insertInto(CHECKS, views);
            return query.report(new MetricsQuery.Tables(FACTS, CHECKS, asOf), unit, from, to, period, baselineFrom, baselineTo, today);
        });
    }

    private List<CaseId> casesEverIn(String unit) {
        return jdbc.queryForList("SELECT case_id FROM case_access WHERE unit = ? UNION SELECT case_id FROM case_view WHERE unit = ? "
                        + "OR document -> 'transfers' @> jsonb_build_array(jsonb_build_object('fromUnit', ?::text)) "
                        + "OR document -> 'transfers' @> jsonb_build_array(jsonb_build_object('toUnit', ?::text))",
                UUID.class, unit, unit, unit, unit).stream().map(id -> CaseId.of(id.toString())).toList();
    }
}
