package org.caseledger.core.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.caseledger.core.law.DelegationRule;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalFramework;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.person.DaysOfBirth;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.core.shared.ValueProblem;

/**
 * The case (ärende) of one child. Command handlers check the hard rules through named guards and then
 * apply events; event-sourcing handlers only assign state.
 * <p>
 * Its fields are also the shape of its snapshot (JSON of the fields, read back into the same types): every
 * collection is typed, and a change of a field's name, type or meaning needs a new {@link Revision}, so that
 * snapshots of the old shape are ignored and the case is folded from its events instead. Revision 2: a transfer ends
 * the assignment (the assignee of a snapshot of revision 1 may be a worker of the unit the case left). Revision 3: the
 * preliminary assessment awaiting a decision, and its deadline. Revision 4: an {@link Intervention} and a {@link Consent}
 * name their own ids (their guards say which one broke a rule), so one of revision 3 would read back without them.
 */
@Revision("4")
public class Case {

    /** The statutory time for an investigation: four months from the decision to open it. */
    static final int INVESTIGATION_MONTHS = 4;

    /** The statutory time for a preliminary assessment: fourteen days from the report, longer for special reasons. */
    public static final int ASSESSMENT_DAYS = 14;

    private enum VisitState { BOOKED, HELD, MISSED, CANCELLED }

    @AggregateIdentifier
    private CaseId caseId;
    private UnitId unit;
    private PersonId child;
    /** The day the report or application that opened the case was received: the case's facts happen from then on. */
    private LocalDate receivedOn;
    private StaffId assignee;
    private boolean closed;
    private boolean investigationOpen;
    private boolean investigationEverOpened;
    private LocalDate investigationDeadline;
    /** The deadline of the decision whether to investigate while a report awaits one, else {@code null}. */
    private LocalDate assessmentDeadline;
    // The ids a record of the case was given, one set per kind: an id is used once within its kind.
    private final Set<ReportId> reports = new HashSet<>();
    private final Set<DecisionId> decisions = new HashSet<>();
    private final Set<NoteId> notes = new HashSet<>();
    private final Set<ContactId> contacts = new HashSet<>();
    private final Set<DisclosureId> disclosures = new HashSet<>();
    private final Map<VisitId, VisitState> visits = new HashMap<>();
    private final Map<ConsentId, Consent> consents = new HashMap<>();
    private final Set<ReportId> assessedReports = new HashSet<>();
    private final Map<InterventionId, Intervention> interventions = new HashMap<>();

    protected Case() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Case(OpenCase command, DaysOfBirth daysOfBirth) {
        daysOfBirth.requireBornBy(command.child(), command.receivedAt(), "receivedAt");
        apply(new CaseOpened(command.caseId(), command.caseNumber(), command.unit(), command.origin(), command.child(),
                command.household(), command.receivedAt(), command.envelope()));
    }

    /**
     * Every fact of the case happens from the day the case was received (in Swedish time, as its deadlines count), except
     * what {@link FactsBeforeReceipt} lets be dated earlier; those are still facts about the child, so not before the
     * child was born.
     */
    @CommandHandlerInterceptor
    public Object notBeforeTheCaseWasReceived(CaseCommand command, InterceptorChain chain, DaysOfBirth daysOfBirth) throws Exception {
        Instant occurredAt = command.envelope().occurredAt();
        if (LedgerTime.dayOf(occurredAt).isBefore(receivedOn)) {
            assertMayPredateTheCase(command);
            daysOfBirth.requireBornBy(child, occurredAt, "occurredAt");
        }
        return chain.proceed();
    }

    @CommandHandler
    public void handle(ReceiveReportOfConcern command) {
        assertOpen();
        assertIdUnused(reports, command.reportId());
        assertReceivedWithTheCase(command.receivedAt());
        apply(new ReportOfConcernReceived(caseId, command.reportId(), command.reporterType(), command.summary(),
                command.receivedAt(), command.envelope()));
    }

    @CommandHandler
    public void handle(AssessProtection command) {
        assertOpen();
        assertReportKnown(command.reportId());
        assertProtectionNotYetAssessed(command.reportId());
        apply(new ProtectionAssessed(caseId, command.reportId(), command.immediateNeedOfProtection(), command.rationale(),
                command.envelope()));
    }

    @CommandHandler
    public void handle(AssignCase command) {
        assertOpen();
        assertNotAlreadyAssignedTo(command.assignee());
        apply(new CaseAssigned(caseId, command.assignee(), assignee, command.envelope()));
    }

    @CommandHandler
    public void handle(TransferCase command) {
        assertOpen();
        assertOtherUnit(command.toUnit());
        apply(new CaseTransferred(caseId, unit, command.toUnit(), command.reason(), command.envelope()));
    }

    @CommandHandler
    public void handle(MakeDecision command, LegalFramework law) {
        assertOpen();
        assertIdUnused(decisions, command.decisionId());
        LocalDate decisionDay = LedgerTime.dayOf(command.envelope().occurredAt());
        LegalBasis basis = law.requireBasisForDecision(command.legalBasis(), command.kind(), decisionDay);
        DelegationRule delegation = law.requireDelegation(command.kind(), command.envelope().role(), decisionDay);
        InterventionType interventionType = null;
        LocalDate deadline = null;
        LocalDate assessmentDeadlineSet = null;
        switch (command.kind()) {
            case OPEN_INVESTIGATION -> {
                assertNoInvestigationOpen();
                deadline = decisionDay.plusMonths(INVESTIGATION_MONTHS);
            }
            case DO_NOT_OPEN_INVESTIGATION -> assertNoInvestigationOpen();
            case EXTEND_PRELIMINARY_ASSESSMENT -> {
                assertAssessmentPending();
                assertAssessmentExtensionIsLater(command.assessmentExtendedUntil());
                assessmentDeadlineSet = command.assessmentExtendedUntil();
            }
            case EXTEND_INVESTIGATION -> {
                assertInvestigationOpen();
                assertExtensionIsLater(command.investigationExtendedUntil());
                deadline = command.investigationExtendedUntil();
            }
            case CLOSE_INVESTIGATION -> assertInvestigationOpen();
            case GRANT_INTERVENTION -> {
                interventionType = interventionTypeForDecision(command);
                intervention(command.interventionId()).ifPresent(Intervention::assertNotYetDecided);
                assertInvestigationBeforeGrant(interventionType);
            }
            case DENY_INTERVENTION -> {
                interventionType = interventionTypeForDecision(command);
                intervention(command.interventionId()).ifPresent(Intervention::assertNotYetDecided);
            }
            case END_INTERVENTION -> {
                Intervention intervention = knownIntervention(command.interventionId());
                interventionType = intervention.type();
                intervention.assertGranted();
                intervention.assertNotEnded();
            }
            case CLOSE_CASE -> {
                // closing is recorded by CaseClosed; the decision itself has no precondition beyond an open case
            }
        }
        apply(new DecisionMade(caseId, command.decisionId(), command.kind(), basis.id(), delegation.id(),
                command.envelope().actor(), command.envelope().role(), decisionDay, command.rationale(), basis.appealable(),
                command.appealInformationGiven(), command.interventionId(), interventionType, deadline, assessmentDeadlineSet,
                command.envelope()));
    }

    @CommandHandler
    public void handle(RecordChildHeard command) {
        assertOpen();
        apply(new ChildHeard(caseId, command.summary(), command.envelope()));
    }

    @CommandHandler
    public void handle(RecordChildNotHeard command) {
        assertOpen();
        apply(new ChildNotHeardReasonRecorded(caseId, command.reason(), command.envelope()));
    }

    @CommandHandler
    public void handle(BookVisit command) {
        assertOpen();
        assertIdUnused(visits.keySet(), command.visitId());
        apply(new VisitBooked(caseId, command.visitId(), command.plannedAt(), command.place(), command.envelope()));
    }

    @CommandHandler
    public void handle(RecordVisitHeld command) {
        assertOpen();
        assertVisitAwaitingOutcome(command.visitId());
        apply(new VisitHeld(caseId, command.visitId(), command.envelope()));
    }

    @CommandHandler
    public void handle(RecordVisitMissed command) {
        assertOpen();
        assertVisitAwaitingOutcome(command.visitId());
        apply(new VisitMissed(caseId, command.visitId(), command.envelope()));
    }

    @CommandHandler
    public void handle(CancelVisit command) {
        assertOpen();
        assertVisitAwaitingOutcome(command.visitId());
        apply(new VisitCancelled(caseId, command.visitId(), command.cancelledBy(), command.reason(), command.envelope()));
    }

    @CommandHandler
    public void handle(RecordContact command) {
        assertOpen();
        assertIdUnused(contacts, command.contactId());
        apply(new ContactRecorded(caseId, command.contactId(), command.channel(), command.initiatedBy(), command.partnerType(),
                command.summary(), command.envelope()));
    }

    @CommandHandler
    public void handle(RecordJournalNote command) {
        assertOpen();
        assertIdUnused(notes, command.noteId());
        apply(new JournalNoteRecorded(caseId, command.noteId(), command.text(), command.envelope()));
    }

    @CommandHandler
    public void handle(CorrectJournalNote command) {
        assertOpen();
        assertIdUnused(notes, command.correctionId());
        assertNoteKnown(command.originalNoteId());
        apply(new JournalNoteCorrected(caseId, command.correctionId(), command.originalNoteId(), command.text(),
                command.reason(), command.envelope()));
    }

    @CommandHandler
    public void handle(OfferIntervention command) {
        assertOpen();
        intervention(command.interventionId()).ifPresent(existing -> existing.assertMayBeOffered(command.type()));
        apply(new InterventionOffered(caseId, command.interventionId(), command.type(), command.voluntary(),
                command.envelope()));
    }

    @CommandHandler
    public void handle(AcceptIntervention command) {
        assertOpen();
        knownIntervention(command.interventionId()).assertOfferAwaitingAnswer();
        apply(new InterventionAccepted(caseId, command.interventionId(), command.envelope()));
    }

    @CommandHandler
    public void handle(DeclineIntervention command) {
        assertOpen();
        knownIntervention(command.interventionId()).assertOfferAwaitingAnswer();
        apply(new InterventionDeclined(caseId, command.interventionId(), command.reason(), command.envelope()));
    }

    @CommandHandler
    public void handle(StartIntervention command) {
        assertOpen();
        knownIntervention(command.interventionId()).assertReadyToStart();
        apply(new InterventionStarted(caseId, command.interventionId(), command.envelope()));
    }

    @CommandHandler
    public void handle(FollowUpIntervention command) {
        assertOpen();
        knownIntervention(command.interventionId()).assertRunning();
        apply(new InterventionFollowedUp(caseId, command.interventionId(), command.summary(), command.envelope()));
    }

    @CommandHandler
    public void handle(EndIntervention command) {
        assertOpen();
        knownIntervention(command.interventionId()).assertRunning();
        apply(new InterventionEnded(caseId, command.interventionId(), command.reason(), command.envelope()));
    }

    @CommandHandler
    public void handle(GiveConsent command) {
        assertOpen();
        assertIdUnused(consents.keySet(), command.consentId());
        apply(new ConsentGiven(caseId, command.consentId(), command.person(), command.partner(), command.partnerName(),
                command.purpose(), command.validFrom(), command.validUntil(), command.envelope()));
    }

    @CommandHandler
    public void handle(WithdrawConsent command) {
        assertOpen();
        knownConsent(command.consentId()).assertNotWithdrawn();
        apply(new ConsentWithdrawn(caseId, command.consentId(), command.envelope()));
    }

    @CommandHandler
    public void handle(DiscloseInformation command, LegalFramework law) {
        assertOpen();
        assertIdUnused(disclosures, command.disclosureId());
        if (command.consent() != null) {
            knownConsent(command.consent()).assertCovers(command.partner(), command.partnerName(), command.envelope().occurredAt());
        } else {
            law.requireProvisionForDisclosure(command.provision(), LedgerTime.dayOf(command.envelope().occurredAt()));
        }
        apply(new InformationDisclosed(caseId, command.disclosureId(), command.partner(), command.partnerName(),
                command.consent(), command.provision(), command.content(), command.envelope()));
    }

    @CommandHandler
    public void handle(CloseCase command) {
        assertOpen();
        apply(new CaseClosed(caseId, command.reason(), command.envelope()));
    }

    // --- guards: each names one rule and throws with its code ---

    private void assertOpen() {
        if (closed) {
            throw violation(LedgerRule.CASE_CLOSED, "case " + caseId + " is closed");
        }
    }

    private void assertMayPredateTheCase(CaseCommand command) {
        if (!FactsBeforeReceipt.mayPredateTheCase(command)) {
            throw violation(LedgerRule.BEFORE_CASE_RECEIVED, command.getClass().getSimpleName() + " dated "
                    + command.envelope().occurredAt() + " lies before case " + caseId + " was received on " + receivedOn);
        }
    }

    private void assertReceivedWithTheCase(Instant reportReceivedAt) {
        if (LedgerTime.dayOf(reportReceivedAt).isBefore(receivedOn)) {
            throw violation(LedgerRule.BEFORE_CASE_RECEIVED, "a report received at " + reportReceivedAt + " lies before case "
                    + caseId + " was received on " + receivedOn);
        }
    }

    private void assertIdUnused(Set<?> usedOfItsKind, Object id) {
        if (usedOfItsKind.contains(id)) {
            throw violation(LedgerRule.DUPLICATE_ID, id.getClass().getSimpleName() + " " + id + " is already used in case " + caseId);
        }
    }

    private void assertReportKnown(ReportId reportId) {
        if (!reports.contains(reportId)) {
            throw violation(LedgerRule.REPORT_UNKNOWN, "report " + reportId + " is not part of case " + caseId);
        }
    }

    private void assertProtectionNotYetAssessed(ReportId reportId) {
        if (assessedReports.contains(reportId)) {
            throw violation(LedgerRule.PROTECTION_ALREADY_ASSESSED, "report " + reportId + " already has a protection assessment");
        }
    }

    private void assertNotAlreadyAssignedTo(StaffId newAssignee) {
        if (newAssignee.equals(assignee)) {
            throw violation(LedgerRule.ALREADY_ASSIGNED, "case " + caseId + " is already assigned to " + newAssignee);
        }
    }

    private void assertOtherUnit(UnitId toUnit) {
        if (toUnit.equals(unit)) {
            throw violation(LedgerRule.TRANSFER_TO_SAME_UNIT, "case " + caseId + " already belongs to unit " + unit);
        }
    }

    private void assertNoInvestigationOpen() {
        if (investigationOpen) {
            throw violation(LedgerRule.INVESTIGATION_ALREADY_OPEN, "an investigation is open in case " + caseId);
        }
    }

    private void assertInvestigationOpen() {
        if (!investigationOpen) {
            throw violation(LedgerRule.INVESTIGATION_NOT_OPEN, "no investigation is open in case " + caseId);
        }
    }

    private void assertExtensionIsLater(LocalDate extendedUntil) {
        if (!extendedUntil.isAfter(investigationDeadline)) {
            throw violation(LedgerRule.EXTENSION_NOT_LATER,
                    "the investigation deadline is " + investigationDeadline + "; an extension to " + extendedUntil + " does not move it later");
        }
    }

    private void assertAssessmentPending() {
        if (assessmentDeadline == null) {
            throw violation(LedgerRule.NO_ASSESSMENT_PENDING, "no report of concern in case " + caseId + " awaits the decision whether to investigate");
        }
    }

    private void assertAssessmentExtensionIsLater(LocalDate extendedUntil) {
        if (!extendedUntil.isAfter(assessmentDeadline)) {
            throw violation(LedgerRule.EXTENSION_NOT_LATER, "the preliminary assessment's deadline is " + assessmentDeadline
                    + "; an extension to " + extendedUntil + " does not move it later");
        }
    }

    private void assertInvestigationBeforeGrant(InterventionType type) {
        if (type != InterventionType.SERVICE_SUPPORT && !investigationEverOpened) {
            throw violation(LedgerRule.INVESTIGATION_REQUIRED_FOR_GRANT,
                    "an intervention of type " + type + " can only be granted after an investigation was opened");
        }
    }

    private InterventionType interventionTypeForDecision(MakeDecision command) {
        Intervention existing = interventions.get(command.interventionId());
        if (existing == null) {
            if (command.interventionType() == null) {
                throw new InvalidValueException("interventionType", ValueProblem.REQUIRED_FOR_NEW_INTERVENTION,
                        "interventionType is required when deciding on a new intervention");
            }
            return command.interventionType();
        }
        if (command.interventionType() != null) {
            existing.assertSameType(command.interventionType());
        }
        return existing.type();
    }

    private Optional<Intervention> intervention(InterventionId interventionId) {
        return Optional.ofNullable(interventions.get(interventionId));
    }

    private Intervention knownIntervention(InterventionId interventionId) {
        Intervention intervention = interventions.get(interventionId);
        if (intervention == null) {
            throw violation(LedgerRule.INTERVENTION_UNKNOWN, "intervention " + interventionId + " is not part of case " + caseId);
        }
        return intervention;
    }

    private void assertVisitAwaitingOutcome(VisitId visitId) {
        VisitState state = visits.get(visitId);
        if (state == null) {
            throw violation(LedgerRule.VISIT_NOT_BOOKED, "no visit " + visitId + " was booked in case " + caseId);
        }
        if (state != VisitState.BOOKED) {
            throw violation(LedgerRule.VISIT_ALREADY_CONCLUDED, "visit " + visitId + " is already " + state.name().toLowerCase());
        }
    }

    private void assertNoteKnown(NoteId noteId) {
        if (!notes.contains(noteId)) {
            throw violation(LedgerRule.NOTE_UNKNOWN, "journal note " + noteId + " is not part of case " + caseId);
        }
    }

    private Consent knownConsent(ConsentId consentId) {
        Consent consent = consents.get(consentId);
        if (consent == null) {
            throw violation(LedgerRule.CONSENT_UNKNOWN, "consent " + consentId + " is not part of case " + caseId);
        }
        return consent;
    }

    private static LedgerRuleViolation violation(LedgerRule rule, String detail) {
        return new LedgerRuleViolation(rule, detail);
    }

    // --- event-sourcing handlers: state assignment only ---

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        unit = event.unit();
        child = event.child();
        receivedOn = LedgerTime.dayOf(event.receivedAt());
    }

    @EventSourcingHandler
    void on(ReportOfConcernReceived event) {
        reports.add(event.reportId());
        if (!investigationOpen && assessmentDeadline == null) {
            assessmentDeadline = LedgerTime.dayOf(event.receivedAt()).plusDays(ASSESSMENT_DAYS);
        }
    }

    @EventSourcingHandler
    void on(ProtectionAssessed event) {
        assessedReports.add(event.reportId());
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(CaseTransferred event) {
        unit = event.toUnit();
        assignee = null;
    }

    @EventSourcingHandler
    void on(DecisionMade event) {
        decisions.add(event.decisionId());
        switch (event.kind()) {
            case OPEN_INVESTIGATION -> {
                investigationOpen = true;
                investigationEverOpened = true;
                investigationDeadline = event.investigationDeadline();
                assessmentDeadline = null;
            }
            case DO_NOT_OPEN_INVESTIGATION -> assessmentDeadline = null;
            case EXTEND_PRELIMINARY_ASSESSMENT -> assessmentDeadline = event.assessmentDeadline();
            case EXTEND_INVESTIGATION -> investigationDeadline = event.investigationDeadline();
            case CLOSE_INVESTIGATION -> investigationOpen = false;
            case GRANT_INTERVENTION -> interventions.put(event.interventionId(),
                    interventionOrNamed(event.interventionId(), event.interventionType()).grant());
            case DENY_INTERVENTION -> interventions.put(event.interventionId(),
                    interventionOrNamed(event.interventionId(), event.interventionType()).deny());
            case END_INTERVENTION, CLOSE_CASE -> {
                // no rule depends on these; an intervention ends in fact with InterventionEnded
            }
        }
    }

    /** The intervention the case knows by this id, or a new one of this type if the event is the first to name it. */
    private Intervention interventionOrNamed(InterventionId interventionId, InterventionType type) {
        Intervention known = interventions.get(interventionId);
        return known != null ? known : Intervention.named(interventionId, type);
    }

    @EventSourcingHandler
    void on(VisitBooked event) {
        visits.put(event.visitId(), VisitState.BOOKED);
    }

    @EventSourcingHandler
    void on(VisitHeld event) {
        visits.put(event.visitId(), VisitState.HELD);
    }

    @EventSourcingHandler
    void on(VisitMissed event) {
        visits.put(event.visitId(), VisitState.MISSED);
    }

    @EventSourcingHandler
    void on(VisitCancelled event) {
        visits.put(event.visitId(), VisitState.CANCELLED);
    }

    @EventSourcingHandler
    void on(ContactRecorded event) {
        contacts.add(event.contactId());
    }

    @EventSourcingHandler
    void on(JournalNoteRecorded event) {
        notes.add(event.noteId());
    }

    @EventSourcingHandler
    void on(JournalNoteCorrected event) {
        notes.add(event.correctionId());
    }

    @EventSourcingHandler
    void on(InterventionOffered event) {
        interventions.put(event.interventionId(), interventionOrNamed(event.interventionId(), event.type()).offer());
    }

    @EventSourcingHandler
    void on(InterventionAccepted event) {
        interventions.put(event.interventionId(), interventions.get(event.interventionId()).accept());
    }

    @EventSourcingHandler
    void on(InterventionDeclined event) {
        interventions.put(event.interventionId(), interventions.get(event.interventionId()).decline());
    }

    @EventSourcingHandler
    void on(InterventionStarted event) {
        interventions.put(event.interventionId(), interventions.get(event.interventionId()).start());
    }

    @EventSourcingHandler
    void on(InterventionEnded event) {
        interventions.put(event.interventionId(), interventions.get(event.interventionId()).end());
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.put(event.consentId(), Consent.given(event.consentId(), event.partner(), event.partnerName(), event.validFrom(),
                event.validUntil()));
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.put(event.consentId(), consents.get(event.consentId()).withdraw(event.envelope().occurredAt()));
    }

    @EventSourcingHandler
    void on(InformationDisclosed event) {
        disclosures.add(event.disclosureId());
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        closed = true;
    }
}
