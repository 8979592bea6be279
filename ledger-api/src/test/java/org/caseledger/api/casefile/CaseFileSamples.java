package org.caseledger.api.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caseledger.api.integrity.CaseFile;
import org.caseledger.api.wording.Wording;
import org.caseledger.projections.wording.Words;
import org.caseledger.core.cases.CaseAssigned;
import org.caseledger.core.cases.CaseClosed;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.cases.CancelledBy;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.cases.ChildNotHeardReasonRecorded;
import org.caseledger.core.cases.ConsentGiven;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.ConsentWithdrawn;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactId;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.ContactRecorded;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.DisclosureId;
import org.caseledger.core.cases.InformationDisclosed;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionDeclined;
import org.caseledger.core.cases.InterventionEnded;
import org.caseledger.core.cases.InterventionFollowedUp;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionStarted;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.JournalNoteCorrected;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ProtectionAssessed;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.core.cases.ReporterType;
import org.caseledger.core.cases.VisitBooked;
import org.caseledger.core.cases.VisitCancelled;
import org.caseledger.core.cases.VisitHeld;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.cases.VisitMissed;
import org.caseledger.core.cases.VisitPlace;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.DelegationRuleId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/**
 * A made-up case with one event of every kind (and the optional facts both present and absent), and a signed case
 * file that matches it, for rendering the timeline and the PDF without a database.
 */
public final class CaseFileSamples {

    static final String CASE_ID = "5b0f6a8e-2f0c-4a3e-9d55-0c1e2a7b9f10";
    static final PersonId CHILD = PersonId.of("9d4f5a6b-5555-4a57-9c1f-2b7e5d9a6c30");
    static final HouseholdId HOUSEHOLD = HouseholdId.of("0e5a6b7c-6666-4a57-9c1f-2b7e5d9a6c30");
    static final String HASH = "ab".repeat(32);
    static final String ORIGIN = "case-ledger/test";
    static final String VKEY = "case-ledger/test+0f6a4a2b+AQ" + "A".repeat(42) + "=";
    static final String CHECKPOINT = ORIGIN + "\n41\n" + "zc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc0=\n\n"
            + "\u2014 " + ORIGIN + " " + "A".repeat(91) + "=\n"
            + "\u2014 witness.example.org/w1 AAAAAA" + "A".repeat(98) + "\n";
    static final String KEY_PEM = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";
    static final String FINGERPRINT = "0123456789abcdef" + "00".repeat(24);

    private static final CaseId CASE = CaseId.of(CASE_ID);
    private static final Instant START = Instant.parse("2026-03-02T08:15:30.123456789Z");

    private CaseFileSamples() {
    }

    /** Every kind of case event, in an order a case could have them, the instants carrying nanoseconds. */
    public static List<CaseEvent> everyKindOfEvent(String note) {
        NoteId noteId = NoteId.of("6a1c2f0e-1111-4a57-9c1f-2b7e5d9a6c30");
        InterventionId intervention = InterventionId.of("7b2d3e4f-3333-4a57-9c1f-2b7e5d9a6c30");
        VisitId visit = VisitId.of("8c3e4f5a-4444-4a57-9c1f-2b7e5d9a6c30");
        VisitId secondVisit = VisitId.of("8c3e4f5a-4445-4a57-9c1f-2b7e5d9a6c30");
        VisitId thirdVisit = VisitId.of("8c3e4f5a-4446-4a57-9c1f-2b7e5d9a6c30");
        ConsentId consent = ConsentId.of("9d4f5a6b-7777-4a57-9c1f-2b7e5d9a6c30");
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseOpened(CASE, CaseNumber.of("2026-00042"), UnitId.of("vivalla"), CaseOrigin.REPORT_OF_CONCERN, CHILD, HOUSEHOLD,
                START, at(0, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ReportOfConcernReceived(CASE, ReportId.of("1f6b7c8d-7777-4a57-9c1f-2b7e5d9a6c30"), ReporterType.PRESCHOOL,
                "Hungrig på förskolan.", START, at(0, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ProtectionAssessed(CASE, ReportId.of("1f6b7c8d-7777-4a57-9c1f-2b7e5d9a6c30"), false, "Inget akut.",
                at(1, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new CaseAssigned(CASE, StaffId.of("anna.lind"), null, at(1, "karin.berg", Role.GROUP_LEADER)));
        events.add(new CaseAssigned(CASE, StaffId.of("erik.sund"), StaffId.of("anna.lind"), at(2, "karin.berg", Role.GROUP_LEADER)));
        events.add(new DecisionMade(CASE, DecisionId.of("2a7c8d9e-8888-4a57-9c1f-2b7e5d9a6c30"), DecisionKind.OPEN_INVESTIGATION,
                LegalBasisId.of("SFS2025:400-20kap2"), DelegationRuleId.of("DO-1.1"), StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY,
                LocalDate.parse("2026-03-04"), "Tecken på försummelse.", false, false, null, null, LocalDate.parse("2026-07-04"),
                at(2, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ChildHeard(CASE, "Barnet berättade om skolan.", at(3, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ChildNotHeardReasonRecorded(CASE, "Barnet var sjukt.", at(3, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new VisitBooked(CASE, visit, Instant.parse("2026-03-10T09:00:00.5Z"), VisitPlace.HOME, at(4, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new VisitHeld(CASE, visit, at(5, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new VisitBooked(CASE, secondVisit, Instant.parse("2026-03-12T09:00:00Z"), VisitPlace.OFFICE, at(5, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new VisitMissed(CASE, secondVisit, at(6, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new VisitBooked(CASE, thirdVisit, Instant.parse("2026-03-14T09:00:00Z"), VisitPlace.SCHOOL, at(6, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new VisitCancelled(CASE, thirdVisit, CancelledBy.FAMILY, "Sjukdom.", at(7, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ContactRecorded(CASE, ContactId.random(), ContactChannel.PHONE, ContactInitiator.FAMILY, null, "Mamman ringde.",
                at(7, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ContactRecorded(CASE, ContactId.random(), ContactChannel.COLLABORATION_MEETING, ContactInitiator.NOT_RECORDED,
                PartnerType.SCHOOL, null, at(8, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new JournalNoteRecorded(CASE, noteId, note, at(8, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new JournalNoteCorrected(CASE, NoteId.of("6a1c2f0e-2222-4a57-9c1f-2b7e5d9a6c30"), noteId, "Flyttade hit 2022.",
                "Fel år.", at(9, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new DecisionMade(CASE, DecisionId.of("3b8d9e0f-9999-4a57-9c1f-2b7e5d9a6c30"), DecisionKind.GRANT_INTERVENTION,
                LegalBasisId.of("SFS2025:400-9kap1"), DelegationRuleId.of("DO-2.1"), StaffId.of("karin.berg"), Role.GROUP_LEADER,
                LocalDate.parse("2026-03-14"), "Stöd med rutiner.", true, true, intervention, InterventionType.FAMILY_TREATMENT, null,
                at(10, "karin.berg", Role.GROUP_LEADER)));
        events.add(new InterventionOffered(CASE, intervention, InterventionType.FAMILY_TREATMENT, true, at(10, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new InterventionAccepted(CASE, intervention, at(11, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new InterventionStarted(CASE, intervention, at(12, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new InterventionFollowedUp(CASE, intervention, "Rutinerna fungerar.", at(40, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new InterventionEnded(CASE, intervention, "Målen nådda.", at(90, "anna.lind", Role.SOCIAL_SECRETARY)));
        InterventionId declined = InterventionId.of("7b2d3e4f-3334-4a57-9c1f-2b7e5d9a6c30");
        events.add(new InterventionOffered(CASE, declined, InterventionType.PARENTING_PROGRAMME, false, at(91, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new InterventionDeclined(CASE, declined, "Vill inte.",
                at(91, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ConsentGiven(CASE, consent, CHILD, PartnerType.SCHOOL, "Vivallaskolan", "Samordna stödet i skolan.",
                LocalDate.parse("2026-03-05"), null, at(3, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ConsentGiven(CASE, ConsentId.of("9d4f5a6b-7778-4a57-9c1f-2b7e5d9a6c30"), CHILD, PartnerType.HEALTHCARE, null,
                "Hälsobesök.", LocalDate.parse("2026-03-05"), LocalDate.parse("2026-12-31"), at(3, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new InformationDisclosed(CASE, DisclosureId.random(), PartnerType.SCHOOL, "Vivallaskolan", consent, null,
                "Närvaro i skolan.", at(4, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new InformationDisclosed(CASE, DisclosureId.random(), PartnerType.POLICE, "Polisen i Örebro", null,
                LegalBasisId.of("SFS2009:400-10kap28"), "Uppgifter enligt uppgiftsskyldighet.", at(5, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new ConsentWithdrawn(CASE, consent, at(20, "anna.lind", Role.SOCIAL_SECRETARY)));
        events.add(new CaseTransferred(CASE, UnitId.of("vivalla"), UnitId.of("central-reception"), "Familjen flyttade.",
                at(92, "karin.berg", Role.GROUP_LEADER)));
        events.add(new CaseClosed(CASE, "Stödet avslutat.", at(100, "anna.lind", Role.SOCIAL_SECRETARY)));
        return events;
    }

    /** Occurred on day {@code day} after the start (with its nanoseconds), recorded an hour and a second later. */
    static Envelope at(int day, String actor, Role role) {
        Instant occurred = START.plusSeconds(86_400L * day);
        return new Envelope(StaffId.of(actor), role, UnitId.of("vivalla"), occurred, occurred.plusSeconds(3_601),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
    }

    /** A signed case file holding the events: one stored event each, the last of them not yet sealed. */
    static CaseFile file(List<CaseEvent> events) {
        List<CaseFile.Event> stored = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Long leaf = sequence == events.size() - 1 ? null : 40L + sequence;
            stored.add(new CaseFile.Event(41 + sequence, CASE_ID, sequence, "event-" + sequence, events.get(sequence).getClass().getName(),
                    "1", "e30=", HASH, HASH, "00".repeat(32), HASH, leaf, leaf == null ? null : List.of("q83vEjRWeJA=")));
        }
        return new CaseFile(CASE_ID, "2026-06-12T10:00:00.987654321Z", new CaseFile.Log(ORIGIN, VKEY), CHECKPOINT, null, stored);
    }

    /** A key of the tests' own, in place of the ledger's signing key. */
    static final KeyPair SIGNING_KEY = ed25519();

    /** The PDF renderer as the application has it, signing with the tests' key. */
    static CaseFilePdf pdf() {
        try {
            return new CaseFilePdf(new CaseFileSignature(message -> Ed25519.sign(SIGNING_KEY.getPrivate(), message),
                    SIGNING_KEY.getPublic(), "case-ledger test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contents of the printed file for the events, worded in the language, the child and a household member named. */
    static CaseFileContents contents(List<CaseEvent> events, Wording wording, Words words, CaseFileContents.Person child,
                                     List<CaseFileContents.Person> household) {
        return CaseFileContents.of("{\"format\":\"case-ledger/case-file/2\"}".getBytes(StandardCharsets.UTF_8), file(events), events,
                wording, words, child, household, words.text("casefile.exporter", "ivo.granskare", words.code(Role.AUDITOR), "ivo"),
                KEY_PEM, FINGERPRINT);
    }
}
