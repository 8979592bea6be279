package org.caseledger.projections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.caseledger.core.cases.CaseAssigned;
import org.caseledger.core.cases.CaseClosed;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionStarted;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ProtectionAssessed;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.core.cases.ReporterType;
import org.caseledger.core.cases.VisitBooked;
import org.caseledger.core.cases.VisitHeld;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.cases.VisitPlace;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.DelegationRuleId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/**
 * The events of one case written the way a test reads them: each says when it happened and when it was recorded, as
 * Swedish days ({@code "2025-10-18"}). A fact happens at 09:00 Swedish time and is recorded at 12:00 of its recording
 * day, so a fact recorded the day it happened is recorded three hours later. A test lists them in recording order.
 */
public final class CaseStory {

    public static final CaseId CASE = CaseId.of("5d0b3c2a-1e4f-4a57-9c1f-2b7e5d9a6c30");
    public static final HouseholdId HOUSEHOLD = HouseholdId.of("6e1c4d3b-2f5a-4a57-9c1f-2b7e5d9a6c30");
    public static final String VIVALLA = "vivalla";
    public static final String CENTRAL = "central-reception";

    private CaseStory() {
    }

    /** Happened at 09:00 on {@code happened}, recorded at 12:00 on {@code recorded}. */
    public static Envelope when(String happened, String recorded) {
        return new Envelope(StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, UnitId.of(VIVALLA), at(happened, 9), at(recorded, 12),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
    }

    /** Happened and recorded the same day. */
    public static Envelope on(String day) {
        return when(day, day);
    }

    public static Instant at(String day, int hour) {
        return LocalDate.parse(day).atTime(LocalTime.of(hour, 0)).atZone(LedgerTime.ZONE).toInstant();
    }

    public static CaseOpened opened(String unit, String day) {
        return new CaseOpened(CASE, CaseNumber.of("2025-00107"), UnitId.of(unit), CaseOrigin.REPORT_OF_CONCERN,
                PersonId.of("7f2d5e4c-3a6b-4a57-9c1f-2b7e5d9a6c30"), HOUSEHOLD, at(day, 8), on(day));
    }

    public static ReportOfConcernReceived report(ReportId report, Envelope when) {
        return new ReportOfConcernReceived(CASE, report, ReporterType.SCHOOL, "Worried.", when.occurredAt(), when);
    }

    public static ProtectionAssessed assessed(ReportId report, Envelope when) {
        return new ProtectionAssessed(CASE, report, false, "Safe at home.", when);
    }

    public static CaseAssigned assigned(String staff, Envelope when) {
        return new CaseAssigned(CASE, StaffId.of(staff), null, when);
    }

    public static CaseTransferred transferred(String from, String to, Envelope when) {
        return new CaseTransferred(CASE, UnitId.of(from), UnitId.of(to), "Moved house.", when);
    }

    public static DecisionMade openInvestigation(DecisionId decision, Envelope when) {
        return decision(decision, DecisionKind.OPEN_INVESTIGATION, LedgerTime.dayOf(when.occurredAt()).plusMonths(4), when);
    }

    public static DecisionMade extendInvestigation(DecisionId decision, String until, Envelope when) {
        return decision(decision, DecisionKind.EXTEND_INVESTIGATION, LocalDate.parse(until), when);
    }

    public static DecisionMade extendAssessment(DecisionId decision, String until, Envelope when) {
        return new DecisionMade(CASE, decision, DecisionKind.EXTEND_PRELIMINARY_ASSESSMENT, LegalBasisId.of("SFS2025:400-20kap2"),
                DelegationRuleId.of("DO-1.5"), StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, LedgerTime.dayOf(when.occurredAt()),
                "The police report is awaited.", false, false, null, null, null, LocalDate.parse(until), when);
    }

    public static DecisionMade closeInvestigation(DecisionId decision, Envelope when) {
        return decision(decision, DecisionKind.CLOSE_INVESTIGATION, null, when);
    }

    public static DecisionMade doNotOpenInvestigation(DecisionId decision, Envelope when) {
        return decision(decision, DecisionKind.DO_NOT_OPEN_INVESTIGATION, null, when);
    }

    private static DecisionMade decision(DecisionId decision, DecisionKind kind, LocalDate deadline, Envelope when) {
        return new DecisionMade(CASE, decision, kind, LegalBasisId.of("SFS2025:400-20kap2"), DelegationRuleId.of("DO-1.1"),
                StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, LedgerTime.dayOf(when.occurredAt()), "Reasons.", false, false, null, null,
                deadline, when);
    }

    public static ChildHeard childHeard(Envelope when) {
        return new ChildHeard(CASE, "Talked at school.", when);
    }

    public static VisitBooked visitBooked(VisitId visit, String plannedOn, Envelope when) {
        return new VisitBooked(CASE, visit, at(plannedOn, 9), VisitPlace.HOME, when);
    }

    public static VisitHeld visitHeld(VisitId visit, Envelope when) {
        return new VisitHeld(CASE, visit, when);
    }

    public static InterventionOffered offered(InterventionId intervention, Envelope when) {
        return new InterventionOffered(CASE, intervention, InterventionType.SERVICE_SUPPORT, true, when);
    }

    public static InterventionAccepted accepted(InterventionId intervention, Envelope when) {
        return new InterventionAccepted(CASE, intervention, when);
    }

    public static InterventionStarted started(InterventionId intervention, Envelope when) {
        return new InterventionStarted(CASE, intervention, when);
    }

    public static JournalNoteRecorded note(NoteId note, Envelope when) {
        return new JournalNoteRecorded(CASE, note, "Met the family.", when);
    }

    public static CaseClosed closed(Envelope when) {
        return new CaseClosed(CASE, "Moved away.", when);
    }

    /** The events as a list, for a test that names them one by one. */
    public static List<CaseEvent> recorded(CaseEvent... inRecordingOrder) {
        return List.of(inRecordingOrder);
    }
}
