package org.caseledger.projections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.caseledger.core.cases.CaseClosed;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionStarted;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.JournalNoteCorrected;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.core.cases.ReporterType;
import org.caseledger.core.cases.VisitBooked;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.cases.VisitMissed;
import org.caseledger.core.cases.VisitPlace;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.DelegationRuleId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/** A handcrafted case history with known answers, one event a day from 2026-03-02, recorded an hour after it happened. */
public final class CaseHistories {

    public static final CaseId CASE = CaseId.of("3f2a0c1e-8d4b-4a57-9c1f-2b7e5d9a6c30");
    public static final NoteId NOTE = NoteId.of("6a1c2f0e-1111-4a57-9c1f-2b7e5d9a6c30");
    public static final NoteId CORRECTION = NoteId.of("6a1c2f0e-2222-4a57-9c1f-2b7e5d9a6c30");
    public static final InterventionId INTERVENTION = InterventionId.of("7b2d3e4f-3333-4a57-9c1f-2b7e5d9a6c30");
    public static final VisitId VISIT = VisitId.of("8c3e4f5a-4444-4a57-9c1f-2b7e5d9a6c30");

    private CaseHistories() {
    }

    /** Occurred on day {@code day} at 09:00 UTC, recorded at 10:00. */
    public static Envelope day(int day, String actor, Role role) {
        Instant occurred = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(86_400L * day);
        return new Envelope(StaffId.of(actor), role, UnitId.of("vivalla"), occurred, occurred.plusSeconds(3_600),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
    }

    public static List<CaseEvent> familyTreatmentCase() {
        return List.of(
                new CaseOpened(CASE, CaseNumber.of("2026-00042"), UnitId.of("vivalla"), CaseOrigin.REPORT_OF_CONCERN,
                        PersonId.of("9d4f5a6b-5555-4a57-9c1f-2b7e5d9a6c30"), HouseholdId.of("0e5a6b7c-6666-4a57-9c1f-2b7e5d9a6c30"),
                        Instant.parse("2026-03-02T08:00:00Z"), day(0, "anna.lind", Role.SOCIAL_SECRETARY)),
                new ReportOfConcernReceived(CASE, ReportId.of("1f6b7c8d-7777-4a57-9c1f-2b7e5d9a6c30"), ReporterType.SCHOOL,
                        "Hungry at school.", Instant.parse("2026-03-02T08:00:00Z"), day(0, "anna.lind", Role.SOCIAL_SECRETARY)),
                new DecisionMade(CASE, DecisionId.of("2a7c8d9e-8888-4a57-9c1f-2b7e5d9a6c30"), DecisionKind.OPEN_INVESTIGATION,
                        LegalBasisId.of("SFS2025:400-20kap2"), DelegationRuleId.of("DO-1.1"), StaffId.of("anna.lind"),
                        Role.SOCIAL_SECRETARY, LocalDate.parse("2026-03-04"), "Signs of neglect.", false, false, null, null,
                        LocalDate.parse("2026-07-04"), day(2, "anna.lind", Role.SOCIAL_SECRETARY)),
                new VisitBooked(CASE, VISIT, Instant.parse("2026-03-10T09:00:00Z"), VisitPlace.HOME, day(3, "anna.lind", Role.SOCIAL_SECRETARY)),
                new VisitMissed(CASE, VISIT, day(8, "anna.lind", Role.SOCIAL_SECRETARY)),
                new JournalNoteRecorded(CASE, NOTE, "Moved here in 2023.", day(9, "anna.lind", Role.SOCIAL_SECRETARY)),
                new JournalNoteCorrected(CASE, CORRECTION, NOTE, "Moved here in 2022.", "Wrong year.", day(10, "anna.lind", Role.SOCIAL_SECRETARY)),
                new DecisionMade(CASE, DecisionId.of("3b8d9e0f-9999-4a57-9c1f-2b7e5d9a6c30"), DecisionKind.GRANT_INTERVENTION,
                        LegalBasisId.of("SFS2025:400-9kap1"), DelegationRuleId.of("DO-2.1"), StaffId.of("karin.berg"),
                        Role.GROUP_LEADER, LocalDate.parse("2026-03-14"), "Support with routines.", true, true, INTERVENTION,
                        InterventionType.FAMILY_TREATMENT, null, day(12, "karin.berg", Role.GROUP_LEADER)),
                new InterventionOffered(CASE, INTERVENTION, InterventionType.FAMILY_TREATMENT, true, day(13, "anna.lind", Role.SOCIAL_SECRETARY)),
                new InterventionAccepted(CASE, INTERVENTION, day(14, "anna.lind", Role.SOCIAL_SECRETARY)),
                new InterventionStarted(CASE, INTERVENTION, day(15, "anna.lind", Role.SOCIAL_SECRETARY)),
                new CaseClosed(CASE, "Support completed.", day(100, "anna.lind", Role.SOCIAL_SECRETARY)));
    }
}
