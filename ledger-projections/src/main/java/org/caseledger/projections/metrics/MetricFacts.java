package org.caseledger.projections.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactRecorded;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionStarted;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.core.cases.VisitBooked;
import org.caseledger.core.cases.VisitHeld;
import org.caseledger.core.cases.VisitMissed;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.outreach.AnonymousConsultationHeld;
import org.caseledger.core.outreach.ConversationWithoutAidHeld;
import org.caseledger.core.outreach.InformationMeetingHeld;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.core.outreach.ServiceSupportProvided;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.projections.caseview.CaseView;

/**
 * Derives the metric facts of one event. Case events are read against the case as it was just before and just
 * after them (the unit, the household, which reports a decision answered); the day is business time in Swedish
 * local time. Definitions in docs/metrics.md.
 */
public final class MetricFacts {

    private MetricFacts() {
    }

    /** What the facts of an event need to know of the case just before it: captured before the fold changes the view. */
    public record Before(java.util.Set<String> reportsAwaitingPreliminaryDecision, boolean supportStarted) {

        public static Before of(CaseView view) {
            return new Before(view.reports.stream().filter(r -> r.preliminaryDecision == null).map(r -> r.id)
                    .collect(java.util.stream.Collectors.toSet()), view.interventions.stream().anyMatch(i -> i.startedAt != null));
        }
    }

    public static List<MetricFact> of(Before before, CaseEvent event, CaseView after) {
        List<MetricFact> facts = new ArrayList<>();
        String caseId = after.caseId;
        String unit = after.unit;
        LocalDate day = LedgerTime.dayOf(event.envelope().occurredAt());
        if (event instanceof ReportOfConcernReceived e) {
            facts.add(MetricFact.one(Metric.REPORTS_OF_CONCERN, e.reportId().toString(), caseId, unit, LedgerTime.dayOf(e.receivedAt()),
                    e.reporterType().name()));
        } else if (event instanceof DecisionMade e) {
            if (e.kind() == DecisionKind.OPEN_INVESTIGATION) {
                facts.add(MetricFact.one(Metric.INVESTIGATIONS_OPENED, e.decisionId().toString(), caseId, unit, e.decisionDate(), null));
                for (CaseView.Report report : after.reports) {
                    boolean answeredNow = "OPEN_INVESTIGATION".equals(report.preliminaryDecision)
                            && before.reportsAwaitingPreliminaryDecision().contains(report.id);
                    if (answeredNow) {
                        facts.add(MetricFact.one(Metric.REPORTS_LEADING_TO_INVESTIGATION, report.id, caseId, report.unit,
                                LedgerTime.dayOf(report.receivedAt), report.reporterType));
                    }
                }
            } else if (e.kind() == DecisionKind.GRANT_INTERVENTION) {
                facts.add(MetricFact.one(Metric.INTERVENTIONS_GRANTED, e.interventionId().toString(), caseId, unit, e.decisionDate(),
                        e.interventionType().name()));
            }
        } else if (event instanceof InterventionOffered e && e.voluntary()) {
            facts.add(MetricFact.one(Metric.HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT, after.household, caseId, unit, day, e.type().name()));
        } else if (event instanceof InterventionAccepted e) {
            CaseView.Intervention intervention = find(after, e.interventionId().toString());
            if (Boolean.TRUE.equals(intervention.voluntary)) {
                facts.add(MetricFact.one(Metric.HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT, after.household, caseId, unit, day,
                        intervention.type));
                facts.add(MetricFact.one(Metric.VOLUNTARY_OFFERS_ACCEPTED, after.household, caseId, unit,
                        LedgerTime.dayOf(intervention.offeredAt), intervention.type));
            }
        } else if (event instanceof InterventionStarted e) {
            if (!before.supportStarted()) {
                LocalDate firstContact = LedgerTime.dayOf(after.receivedAt);
                facts.add(new MetricFact(Metric.DAYS_FROM_FIRST_CONTACT_TO_SUPPORT, caseId, caseId, unit, day,
                        find(after, e.interventionId().toString()).type, BigDecimal.valueOf(ChronoUnit.DAYS.between(firstContact, day))));
            }
        } else if (event instanceof VisitBooked e) {
            facts.add(MetricFact.one(Metric.VISITS_BOOKED, e.visitId().toString(), caseId, unit, day, e.place().name()));
        } else if (event instanceof VisitHeld e) {
            facts.add(MetricFact.one(Metric.VISITS_HELD, e.visitId().toString(), caseId, unit, day, null));
        } else if (event instanceof VisitMissed e) {
            facts.add(MetricFact.one(Metric.VISITS_MISSED, e.visitId().toString(), caseId, unit, day, null));
        } else if (event instanceof ContactRecorded e && isCollaboration(e)) {
            PartnerType partner = Objects.requireNonNullElse(e.partnerType(), PartnerType.SCHOOL);
            facts.add(MetricFact.one(Metric.COLLABORATION_CONTACTS, e.contactId().toString(), caseId, unit, day, partner.name()));
        }
        return facts;
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

    private static boolean isCollaboration(ContactRecorded contact) {
        return contact.channel() == ContactChannel.COLLABORATION_MEETING || contact.channel() == ContactChannel.SCHOOL_MEETING;
    }

    private static CaseView.Intervention find(CaseView view, String interventionId) {
        return view.interventions.stream().filter(i -> i.id.equals(interventionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("an intervention event names an intervention the case does not hold"));
    }
}
