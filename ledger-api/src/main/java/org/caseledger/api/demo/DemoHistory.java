package org.caseledger.api.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.caseledger.api.staff.StaffNames;
import org.caseledger.core.cases.AcceptIntervention;
import org.caseledger.core.cases.AssessProtection;
import org.caseledger.core.cases.AssignCase;
import org.caseledger.core.cases.BookVisit;
import org.caseledger.core.cases.CancelVisit;
import org.caseledger.core.cases.CancelledBy;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.CloseCase;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactId;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DeclineIntervention;
import org.caseledger.core.cases.EndIntervention;
import org.caseledger.core.cases.FollowUpIntervention;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.MakeDecision;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.OfferIntervention;
import org.caseledger.core.cases.OpenCase;
import org.caseledger.core.cases.ReceiveReportOfConcern;
import org.caseledger.core.cases.RecordChildHeard;
import org.caseledger.core.cases.RecordContact;
import org.caseledger.core.cases.RecordJournalNote;
import org.caseledger.core.cases.RecordVisitHeld;
import org.caseledger.core.cases.RecordVisitMissed;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.ReporterType;
import org.caseledger.core.cases.StartIntervention;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.cases.VisitPlace;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.outreach.ActivityId;
import org.caseledger.core.outreach.ConsultationTopic;
import org.caseledger.core.outreach.HoldAnonymousConsultation;
import org.caseledger.core.outreach.HoldConversationWithoutAid;
import org.caseledger.core.outreach.HoldInformationMeeting;
import org.caseledger.core.outreach.ProvideServiceSupport;
import org.caseledger.core.outreach.ServiceSupportKind;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.person.RegisterPerson;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.core.staff.RegisterStaffMember;

/**
 * Writes the commands of a district office's three years, case by case, in the order they happened. The same
 * seed gives the same history (ids included). Rates follow the office in the seeds: most reports come from
 * school, preschool, police and healthcare; about four in ten lead to an investigation; most offers of voluntary
 * support are accepted; about one visit in ten is missed; a share of deadlines is missed, as in reality.
 */
final class DemoHistory {

    private static final UnitId UNIT = UnitId.of("vivalla");
    private static final StaffId[] CASE_WORKERS = {StaffId.of("anna.lind"), StaffId.of("omar.hassan"), StaffId.of("maria.nord"),
            StaffId.of("ali.demir"), StaffId.of("lena.ek"), StaffId.of("johan.berg"), StaffId.of("fatima.said"), StaffId.of("erik.lund"),
            StaffId.of("sofia.holm"), StaffId.of("ahmed.ali")};
    private static final StaffId GROUP_LEADER = StaffId.of("karin.berg");
    /** The administrator of the configured demo users, who enters the demo's staff. */
    private static final StaffId ADMINISTRATOR = StaffId.of("eva.holm");
    /**
     * The children's names, made up: a first name and a surname chosen by the case's serial number, not by the random
     * source, so that the names leave the rest of the history as it was. Names repeat as they do in an office.
     */
    private static final String[] FIRST_NAMES = {"Alva", "Elsa", "Maja", "Alice", "Wilma", "Ella", "Saga", "Olivia", "Ebba", "Vera",
            "Noah", "William", "Hugo", "Liam", "Elias", "Lucas", "Oscar", "Adam", "Yusuf", "Leo"};
    private static final String[] SURNAMES = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
            "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Hassan", "Mohammed", "Lindberg", "Lindqvist", "Berg",
            "Axelsson", "Holm", "Sandberg", "Öberg", "Yilmaz", "Nordin", "Sjöberg", "Åkesson"};
    private static final ReporterType[] REPORTERS = {ReporterType.SCHOOL, ReporterType.SCHOOL, ReporterType.SCHOOL, ReporterType.PRESCHOOL,
            ReporterType.POLICE, ReporterType.POLICE, ReporterType.HEALTHCARE, ReporterType.OTHER_SOCIAL_SERVICES, ReporterType.RELATIVE,
            ReporterType.ANONYMOUS, ReporterType.THE_CHILD, ReporterType.OTHER};
    private static final InterventionType[] GRANTED = {InterventionType.FAMILY_TREATMENT, InterventionType.FAMILY_TREATMENT,
            InterventionType.CONTACT_PERSON, InterventionType.CONTACT_FAMILY, InterventionType.PARENTING_PROGRAMME, InterventionType.OPEN_CARE,
            InterventionType.PLACEMENT};
    static final LocalDate NEW_ACT = LocalDate.of(2025, 7, 1);

    private final Random random;
    private final LocalDate start;
    private final int days;
    private final double casesPerDay;
    private int caseSerial;
    private final Set<PersonalIdentityNumber> numbersGiven = new HashSet<>();
    /** When the last command of the case being written was recorded: a case's events are recorded in their order. */
    private Instant lastRecorded;

    DemoHistory(long seed, LocalDate start, int days, double casesPerDay) {
        this.random = new Random(seed);
        this.start = start;
        this.days = days;
        this.casesPerDay = casesPerDay;
    }

    int casesWritten() {
        return caseSerial;
    }

    /**
     * The demo's staff entered in the registry, as from the history's first day, by the configured administrator: only
     * members of the registry act. Their ids come from their names, not from the random source, so that entering them
     * leaves the rest of the history as it was.
     */
    List<LedgerCommand> staff() {
        Instant entered = start.atTime(7, 0).atZone(LedgerTime.ZONE).toInstant();
        List<LedgerCommand> staff = new ArrayList<>();
        for (StaffId worker : CASE_WORKERS) {
            staff.add(entry(worker, Role.SOCIAL_SECRETARY, entered));
        }
        staff.add(entry(GROUP_LEADER, Role.GROUP_LEADER, entered));
        return staff;
    }

    private RegisterStaffMember entry(StaffId member, Role role, Instant entered) {
        UUID correlation = UUID.nameUUIDFromBytes(("demo-staff-" + member).getBytes(StandardCharsets.UTF_8));
        Envelope envelope = new Envelope(ADMINISTRATOR, Role.ADMINISTRATOR, UNIT, entered, entered, correlation.toString(),
                correlation.toString(), null);
        return new RegisterStaffMember(member, StaffNames.fromId(member), UNIT, role, start, envelope);
    }

    /** Hands every command to {@code send}, one day at a time, the outreach of the day first, then its new cases. */
    void write(Consumer<List<LedgerCommand>> send) {
        for (int day = 0; day < days; day++) {
            LocalDate date = start.plusDays(day);
            send.accept(outreach(date));
            int cases = poisson(casesPerDay);
            for (int c = 0; c < cases; c++) {
                send.accept(aCase(date));
            }
        }
    }

    private List<LedgerCommand> outreach(LocalDate date) {
        lastRecorded = null;
        List<LedgerCommand> commands = new ArrayList<>();
        if (date.getDayOfWeek().getValue() > 5) {
            return commands;
        }
        for (int i = poisson(0.6); i > 0; i--) {
            commands.add(new HoldAnonymousConsultation(activity(), pick(ConsultationTopic.values()), envelope(at(date, 10), worker())));
        }
        if (random.nextInt(10) == 0) {
            commands.add(new HoldInformationMeeting(activity(), pick(new String[] {"Parents at Vivallaskolan", "Preschool parents",
                    "Open meeting at the library", "Parents' group in Arabic", "Parents' group in Somali"}), 8 + random.nextInt(35),
                    List.of("What social services do", "How to ask for support"), envelope(at(date, 17), worker())));
        }
        for (int i = poisson(0.8); i > 0; i--) {
            commands.add(new HoldConversationWithoutAid(activity(), HouseholdId.of(uuid().toString()), envelope(at(date, 13), worker())));
        }
        for (int i = poisson(1.0); i > 0; i--) {
            commands.add(new ProvideServiceSupport(activity(), HouseholdId.of(uuid().toString()), pick(ServiceSupportKind.values()),
                    envelope(at(date, 14), worker())));
        }
        return commands;
    }

    private static String childName(int serial) {
        return FIRST_NAMES[serial % FIRST_NAMES.length] + " " + SURNAMES[serial / FIRST_NAMES.length % SURNAMES.length];
    }

    private List<LedgerCommand> aCase(LocalDate received) {
        lastRecorded = null;
        CaseLog commands = new CaseLog();
        StaffId worker = worker();
        PersonId child = PersonId.of(uuid().toString());
        CaseId caseId = CaseId.of(uuid().toString());
        HouseholdId household = HouseholdId.of(uuid().toString());
        Instant receivedAt = at(received, 8);
        commands.add(new RegisterPerson(child, identityNumber(), null, childName(caseSerial), random.nextInt(200) == 0,
                household, envelope(receivedAt, worker)));
        commands.add(new OpenCase(caseId, CaseNumber.of(String.format("%d-%05d", received.getYear(), ++caseSerial)), UNIT,
                CaseOrigin.REPORT_OF_CONCERN, child, household, receivedAt, envelope(receivedAt, worker)));
        ReportId report = ReportId.of(uuid().toString());
        commands.add(new ReceiveReportOfConcern(caseId, report, pick(REPORTERS), "Concern about the child's situation at home.",
                receivedAt, envelope(receivedAt, worker)));
        LocalDate assessed = received.plusDays(random.nextInt(20) == 0 ? 2 + random.nextInt(3) : random.nextInt(2));
        commands.add(new AssessProtection(caseId, report, random.nextInt(25) == 0, "Talked with the reporter and a parent.",
                envelope(at(assessed, 15), worker)));
        commands.add(new AssignCase(caseId, worker, envelope(at(received, 11), GROUP_LEADER, Role.GROUP_LEADER)));
        LocalDate preliminary = received.plusDays(random.nextInt(12) == 0 ? 15 + random.nextInt(10) : 3 + random.nextInt(11));
        boolean investigate = random.nextInt(10) < 4;
        if (!investigate) {
            commands.add(decision(caseId, DecisionKind.DO_NOT_OPEN_INVESTIGATION, preliminary, GROUP_LEADER, Role.GROUP_LEADER, null, null, null));
            if (random.nextInt(3) == 0) {
                InterventionId support = InterventionId.of(uuid().toString());
                commands.add(new OfferIntervention(caseId, support, InterventionType.SERVICE_SUPPORT, true, envelope(at(preliminary, 14), worker)));
                commands.add(new AcceptIntervention(caseId, support, envelope(at(preliminary.plusDays(2), 10), worker)));
                commands.add(new StartIntervention(caseId, support, envelope(at(preliminary.plusDays(5), 10), worker)));
                commands.add(new EndIntervention(caseId, support, "Done.", envelope(at(preliminary.plusDays(30), 10), worker)));
            }
            commands.add(new CloseCase(caseId, "No investigation.", envelope(at(preliminary.plusDays(31 + random.nextInt(30)), 16), worker)));
            return commands.inRecordingOrder();
        }
        commands.add(decision(caseId, DecisionKind.OPEN_INVESTIGATION, preliminary, worker, Role.SOCIAL_SECRETARY, null, null, null));
        LocalDate day = preliminary;
        if (random.nextInt(7) > 0) {
            Instant heard = at(day.plusDays(7), 10);
            if (random.nextInt(10) == 0) {
                commands.addLate(new RecordChildHeard(caseId, "The child talked about home and school.", lateEnvelope(heard, worker, 3)));
            } else {
                commands.add(new RecordChildHeard(caseId, "The child talked about home and school.", envelope(heard, worker)));
            }
        }
        for (int v = 2 + random.nextInt(3); v > 0; v--) {
            day = day.plusDays(5 + random.nextInt(10));
            VisitId visit = VisitId.of(uuid().toString());
            commands.add(new BookVisit(caseId, visit, at(day, 9), pick(VisitPlace.values()), envelope(at(day.minusDays(4), 9), worker)));
            int outcome = random.nextInt(20);
            Envelope then = envelope(at(day, 11), worker);
            commands.add(outcome < 2 ? new RecordVisitMissed(caseId, visit, then)
                    : outcome < 3 ? new CancelVisit(caseId, visit, CancelledBy.FAMILY, "Illness.", then)
                    : new RecordVisitHeld(caseId, visit, then));
            if (random.nextInt(15) == 0) {
                commands.addLate(new RecordJournalNote(caseId, NoteId.of(uuid().toString()), "Visit: talked about routines and school.",
                        lateEnvelope(at(day, 11), worker, 8)));
            } else {
                commands.add(new RecordJournalNote(caseId, NoteId.of(uuid().toString()), "Visit: talked about routines and school.",
                        envelope(at(day, 13), worker)));
            }
        }
        if (random.nextInt(2) == 0) {
            commands.add(new RecordContact(caseId, ContactId.of(uuid().toString()), ContactChannel.COLLABORATION_MEETING,
                    ContactInitiator.OFFICE, pick(new PartnerType[] {PartnerType.SCHOOL, PartnerType.PRESCHOOL, PartnerType.POLICE, PartnerType.HEALTHCARE,
                            PartnerType.OPEN_CARE}), "Collaboration meeting.", envelope(at(day.plusDays(3), 10), worker)));
        }
        LocalDate closed = preliminary.plusDays(random.nextInt(8) == 0 ? 125 + random.nextInt(40) : 60 + random.nextInt(55));
        boolean grant = random.nextInt(10) < 6;
        if (grant) {
            InterventionId intervention = InterventionId.of(uuid().toString());
            InterventionType type = pick(GRANTED);
            commands.add(decision(caseId, DecisionKind.GRANT_INTERVENTION, closed, GROUP_LEADER, Role.GROUP_LEADER, intervention, type,
                    random.nextInt(30) > 0));
            commands.add(decision(caseId, DecisionKind.CLOSE_INVESTIGATION, closed, worker, Role.SOCIAL_SECRETARY, null, null, null));
            commands.add(new OfferIntervention(caseId, intervention, type, true, envelope(at(closed.plusDays(1), 10), worker)));
            if (random.nextInt(10) < 8) {
                commands.add(new AcceptIntervention(caseId, intervention, envelope(at(closed.plusDays(3), 10), worker)));
                LocalDate started = closed.plusDays(7 + random.nextInt(21));
                commands.add(new StartIntervention(caseId, intervention, envelope(at(started, 10), worker)));
                commands.add(new FollowUpIntervention(caseId, intervention, "Follow-up: progress with routines.",
                        envelope(at(started.plusDays(60), 10), worker)));
                commands.add(new EndIntervention(caseId, intervention, "Goals reached.", envelope(at(started.plusDays(120 + random.nextInt(90)), 10), worker)));
                commands.add(new CloseCase(caseId, "Support completed.", envelope(at(started.plusDays(215), 16), worker)));
            } else {
                commands.add(new DeclineIntervention(caseId, intervention, "Not now.", envelope(at(closed.plusDays(3), 10), worker)));
                commands.add(new CloseCase(caseId, "The family declined.", envelope(at(closed.plusDays(10), 16), worker)));
            }
        } else {
            commands.add(decision(caseId, DecisionKind.CLOSE_INVESTIGATION, closed, worker, Role.SOCIAL_SECRETARY, null, null, null));
            commands.add(new CloseCase(caseId, "No further concern.", envelope(at(closed.plusDays(2), 16), worker)));
        }
        return commands.inRecordingOrder();
    }

    private MakeDecision decision(CaseId caseId, DecisionKind kind, LocalDate day, StaffId by, Role role, InterventionId intervention,
                                  InterventionType type, Boolean appealInformation) {
        return new MakeDecision(caseId, DecisionId.of(uuid().toString()), kind, basis(kind, day), "Decided after assessment.",
                appealInformation != null && appealInformation, intervention, type, null, envelope(at(day, 14), by, role));
    }

    /** The law in force on the day: the old act until 2025-06-30, the new one from 2025-07-01. */
    private static LegalBasisId basis(DecisionKind kind, LocalDate day) {
        boolean newAct = !day.isBefore(NEW_ACT);
        return LegalBasisId.of(switch (kind) {
            case OPEN_INVESTIGATION, DO_NOT_OPEN_INVESTIGATION, EXTEND_PRELIMINARY_ASSESSMENT -> newAct ? "SFS2025:400-20kap2" : "SFS2001:453-11kap1a";
            case CLOSE_INVESTIGATION, CLOSE_CASE -> newAct ? "SFS2025:400-20kap1" : "SFS2001:453-11kap1";
            case EXTEND_INVESTIGATION -> newAct ? "SFS2025:400-20kap6" : "SFS2001:453-11kap2";
            case GRANT_INTERVENTION, DENY_INTERVENTION, END_INTERVENTION -> newAct ? "SFS2025:400-9kap1" : "SFS2001:453-4kap1";
        });
    }

    /** A number no other demo person has: one person, one number, as the ledger requires of every registration. */
    private PersonalIdentityNumber identityNumber() {
        PersonalIdentityNumber number = anyIdentityNumber();
        while (!numbersGiven.add(number)) {
            number = anyIdentityNumber();
        }
        return number;
    }

    private PersonalIdentityNumber anyIdentityNumber() {
        LocalDate birth = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(16 * 365));
        return PersonalIdentityNumber.of(birth, random.nextInt(1000));
    }

    private Envelope envelope(Instant occurredAt, StaffId actor) {
        return envelope(occurredAt, actor, Role.SOCIAL_SECRETARY);
    }

    /**
     * Recorded 20 minutes to two hours after it happened, and never before the case's previous command was recorded:
     * a case's events are recorded one after the other, so a fact written up after a later one is late, not back-dated.
     */
    private Envelope envelope(Instant occurredAt, StaffId actor, Role role) {
        Instant recorded = occurredAt.plus(Duration.ofMinutes(20 + random.nextInt(120)));
        if (lastRecorded != null && !recorded.isAfter(lastRecorded)) {
            recorded = lastRecorded.plus(Duration.ofMinutes(1 + random.nextInt(5)));
        }
        lastRecorded = recorded;
        return new Envelope(actor, role, UNIT, occurredAt, recorded, uuid().toString(), uuid().toString(), null);
    }

    /**
     * Written down {@code days} to {@code days + 9} days after the fact: it happens, compliance shows it, and the case's
     * commands recorded meanwhile come before it ({@link CaseLog#addLate}).
     */
    private Envelope lateEnvelope(Instant occurredAt, StaffId actor, int days) {
        return new Envelope(actor, Role.SOCIAL_SECRETARY, UNIT, occurredAt, occurredAt.plus(Duration.ofDays(days + random.nextInt(10))),
                uuid().toString(), uuid().toString(), null);
    }

    /**
     * A case's commands in the order they were recorded: a command written up late waits until the case's commands
     * recorded before it are in. One still waiting when the case is written was never written up (a case is closed
     * before it), and is left out.
     */
    private final class CaseLog {

        private final List<LedgerCommand> commands = new ArrayList<>();
        private final List<LedgerCommand> late = new ArrayList<>();

        void add(LedgerCommand command) {
            Instant recorded = command.envelope().recordedAt();
            for (var waiting = late.iterator(); waiting.hasNext(); ) {
                LedgerCommand next = waiting.next();
                if (!next.envelope().recordedAt().isAfter(recorded)) {
                    commands.add(next);
                    waiting.remove();
                }
            }
            commands.add(command);
        }

        void addLate(LedgerCommand command) {
            late.add(command);
            late.sort(java.util.Comparator.comparing(waiting -> waiting.envelope().recordedAt()));
        }

        List<LedgerCommand> inRecordingOrder() {
            return commands;
        }
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, random.nextInt(60)).atZone(LedgerTime.ZONE).toInstant();
    }

    private StaffId worker() {
        return CASE_WORKERS[random.nextInt(CASE_WORKERS.length)];
    }

    private ActivityId activity() {
        return ActivityId.of(uuid().toString());
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
