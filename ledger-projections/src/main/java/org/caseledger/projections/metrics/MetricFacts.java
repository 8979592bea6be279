package org.caseledger.projections.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.outreach.AnonymousConsultationHeld;
import org.caseledger.core.outreach.ConversationWithoutAidHeld;
import org.caseledger.core.outreach.InformationMeetingHeld;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.core.outreach.ServiceSupportProvided;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.projections.caseview.CaseView;

/**
 * Derives the metric facts: those of a case from its view as a whole, each placed by when it happened (its day in
 * Swedish local time) and counted for the unit the case belonged to then, so that a fact recorded late changes the
 * figures of its own day; those of outreach from the event. Definitions in docs/metrics.md.
 */
public final class MetricFacts {

    private static final Set<ContactChannel> COLLABORATION = EnumSet.of(ContactChannel.COLLABORATION_MEETING, ContactChannel.SCHOOL_MEETING);

    private MetricFacts() {
    }

    /** Every fact of the case, in an order that depends only on the view. */
    public static List<MetricFact> of(CaseView view) {
        List<MetricFact> facts = new ArrayList<>();
        String caseId = view.caseId;
        for (CaseView.Report report : view.reports) {
            LocalDate received = LedgerTime.dayOf(report.receivedAt);
            facts.add(MetricFact.one(Metric.REPORTS_OF_CONCERN, report.id, caseId, report.unit, received, report.reporterType));
            if ("OPEN_INVESTIGATION".equals(report.preliminaryDecision)) {
                facts.add(MetricFact.one(Metric.REPORTS_LEADING_TO_INVESTIGATION, report.id, caseId, report.unit, received,
                        report.reporterType));
            }
        }
        for (CaseView.Decision decision : view.decisions) {
            if (decision.kind.equals("OPEN_INVESTIGATION")) {
                facts.add(MetricFact.one(Metric.INVESTIGATIONS_OPENED, decision.id, caseId, decision.unit, decision.decisionDate, null));
            } else if (decision.kind.equals("GRANT_INTERVENTION")) {
                facts.add(MetricFact.one(Metric.INTERVENTIONS_GRANTED, decision.interventionId, caseId, decision.unit, decision.decisionDate,
                        find(view, decision.interventionId).type));
            }
        }
        for (CaseView.Intervention intervention : view.interventions) {
            if (Boolean.TRUE.equals(intervention.voluntary) && intervention.offeredAt != null) {
                facts.add(MetricFact.one(Metric.HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT, view.household, caseId,
                        view.unitAt(intervention.offeredAt), LedgerTime.dayOf(intervention.offeredAt), intervention.type));
                if ("ACCEPTED".equals(intervention.answer)) {
                    String unit = view.unitAt(intervention.answeredAt);
                    facts.add(MetricFact.one(Metric.HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT, view.household, caseId, unit,
                            LedgerTime.dayOf(intervention.answeredAt), intervention.type));
                    facts.add(MetricFact.one(Metric.VOLUNTARY_OFFERS_ACCEPTED, view.household, caseId, unit,
                            LedgerTime.dayOf(intervention.offeredAt), intervention.type));
                }
            }
        }
        firstStartOfSupport(view, intervention -> true).ifPresent(first ->
                facts.add(daysToSupport(Metric.DAYS_FROM_FIRST_CONTACT_TO_SUPPORT, view, first)));
        firstStartOfSupport(view, MetricFacts::isServiceSupport).ifPresent(first ->
                facts.add(daysToSupport(Metric.DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT, view, first)));
        firstStartOfSupport(view, intervention -> !isServiceSupport(intervention)).ifPresent(first ->
                facts.add(daysToSupport(Metric.DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION, view, first)));
        for (CaseView.Visit visit : view.visits) {
            facts.add(MetricFact.one(Metric.VISITS_BOOKED, visit.id, caseId, view.unitAt(visit.bookedAt), LedgerTime.dayOf(visit.bookedAt),
                    visit.place));
            Metric outcome = switch (visit.status) {
                case "HELD" -> Metric.VISITS_HELD;
                case "MISSED" -> Metric.VISITS_MISSED;
                case "CANCELLED" -> Metric.VISITS_CANCELLED;
                default -> null;
            };
            if (outcome != null) {
                facts.add(MetricFact.one(outcome, visit.id, caseId, view.unitAt(visit.outcomeAt), LedgerTime.dayOf(visit.outcomeAt),
                        visit.cancelledBy));
            }
        }
        for (CaseView.Contact contact : view.contacts) {
            if (COLLABORATION.contains(ContactChannel.valueOf(contact.channel))) {
                facts.add(MetricFact.one(Metric.COLLABORATION_CONTACTS, contact.id, caseId, view.unitAt(contact.occurredAt),
                        LedgerTime.dayOf(contact.occurredAt), Objects.requireNonNullElse(contact.partner, PartnerType.SCHOOL.name())));
            }
        }
        return facts;
    }

    /**
     * Of the interventions {@code onPath} takes, the one whose start happened first, whenever it was recorded (of two at
     * once, the one with the lower id).
     */
    private static Optional<CaseView.Intervention> firstStartOfSupport(CaseView view, Predicate<CaseView.Intervention> onPath) {
        return view.interventions.stream().filter(intervention -> intervention.startedAt != null).filter(onPath)
                .min(Comparator.comparing((CaseView.Intervention intervention) -> intervention.startedAt).thenComparing(i -> i.id));
    }

    /**
     * Service support is given without a needs assessment; every other intervention is granted, and the case grants one
     * only after an investigation was opened: the type alone tells the path.
     */
    private static boolean isServiceSupport(CaseView.Intervention intervention) {
        return InterventionType.SERVICE_SUPPORT.name().equals(intervention.type);
    }

    /** Days from the case's receipt to the start of {@code first}, counted on the day and for the unit of that start. */
    private static MetricFact daysToSupport(Metric metric, CaseView view, CaseView.Intervention first) {
        LocalDate started = LedgerTime.dayOf(first.startedAt);
        return new MetricFact(metric, view.caseId, view.caseId, view.unitAt(first.startedAt), started, first.type,
                BigDecimal.valueOf(ChronoUnit.DAYS.between(LedgerTime.dayOf(view.receivedAt), started)));
    }

    public static List<MetricFact> of(OutreachEvent event) {
        String subject = event.activityId().toString();
        String unit = event.envelope().unit().value();
        LocalDate day = LedgerTime.dayOf(event.envelope().occurredAt());
        if (event instanceof AnonymousConsultationHeld e) {
            return List.of(MetricFact.one(Metric.ANONYMOUS_CONSULTATIONS, subject, null, unit, day, e.topic().name()));
        } else if (event instanceof InformationMeetingHeld e) {
            return List.of(MetricFact.one(Metric.INFORMATION_MEETINGS, subject, null, unit, day, null),
                    new MetricFact(Metric.INFORMATION_MEETING_PARTICIPANTS, subject, null, unit, day, null, BigDecimal.valueOf(e.participants())));
        } else if (event instanceof ConversationWithoutAidHeld e) {
            return List.of(MetricFact.one(Metric.CONVERSATIONS_WITHOUT_AID, subject, null, unit, day, e.household().toString()));
        } else if (event instanceof ServiceSupportProvided e) {
            return List.of(MetricFact.one(Metric.SERVICE_SUPPORT_GIVEN, subject, null, unit, day, e.kind().name()));
        }
        return List.of();
    }

    private static CaseView.Intervention find(CaseView view, String interventionId) {
        return view.interventions.stream().filter(i -> i.id.equals(interventionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a decision names an intervention the case does not hold"));
    }
}
