package org.caseledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactId;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.ContactRecorded;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionDeclined;
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
import org.caseledger.core.cases.VisitCancelled;
import org.caseledger.core.cases.VisitHeld;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.cases.VisitMissed;
import org.caseledger.core.cases.VisitPlace;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.DelegationRuleId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.caseview.ProjectionJson;
import org.caseledger.projections.compliance.ComplianceCheck;
import org.caseledger.projections.compliance.ComplianceChecks;
import org.caseledger.projections.compliance.ComplianceRule;
import org.caseledger.projections.metrics.MetricFacts;
import org.junit.jupiter.api.Test;

/**
 * Whatever order a case's facts were recorded in, as long as the case would have accepted each of them then, the read
 * models hold the same metric facts and compliance checks. Seeded cases of every kind of fact that counts: reports
 * and assessments, investigations opened, extended (in time or late) and closed or left open, decisions not to open
 * one, transfers, assignments, the child heard or not, visits, voluntary and granted interventions, contacts, notes,
 * and some cases closed. Each is recorded in business order and in random orders the case allows, and folded as the
 * live processor does, with the view stored and read back between events.
 */
class RecordingOrderPropertyTest {

    private static final long SEED = 20_251_018L;
    private static final int CASES = 200;
    private static final int ORDERS = 10;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2025-09-01");
    private static final String[] UNITS = {"vivalla", "central-reception", "nord"};

    private final ObjectMapper json = new ProjectionJson().mapper();

    @Test
    void everyRecordingOrderTheCaseAllowsGivesTheSameMetricFactsAndComplianceChecks() throws Exception {
        Random random = new Random(SEED);
        int late = 0;
        for (int n = 0; n < CASES; n++) {
            Story story = Story.of(random);
            List<String> expected = readModels(story.record(story.inBusinessOrder()));
            for (int o = 0; o < ORDERS; o++) {
                List<Integer> order = story.anyAllowedOrder(random);
                late += story.recordedOutOfBusinessOrder(order) ? 1 : 0;
                assertThat(readModels(story.record(order))).as("case %d of seed %d, recorded in the order %s", n, SEED, order)
                        .isEqualTo(expected);
            }
        }
        assertThat(late).as("recording orders that differ from business order").isGreaterThan(CASES * ORDERS / 2);
    }

    /**
     * The live processor reads a case's stored document before each batch and writes it after; a rebuild folds many of a
     * case's events in one batch without storing between them. Both must leave the same stored document.
     */
    @Test
    void aCaseFoldedEventByEventThroughItsStoredDocumentEqualsTheCaseFoldedInOneBatch() throws Exception {
        Random random = new Random(SEED);
        for (int n = 0; n < CASES; n++) {
            Story story = Story.of(random);
            List<Integer> order = story.anyAllowedOrder(random);
            List<CaseEvent> recorded = story.record(order);
            CaseView live = new CaseView();
            CaseView rebuilt = new CaseView();
            long sequence = 0;
            for (CaseEvent event : recorded) {
                live = json.readValue(json.writeValueAsString(live), CaseView.class);
                CaseViewFold.apply(live, event, sequence);
                CaseViewFold.apply(rebuilt, event, sequence++);
            }
            assertThat(json.writeValueAsString(live)).as("case %d of seed %d, recorded in the order %s", n, SEED, order)
                    .isEqualTo(json.writeValueAsString(rebuilt));
        }
    }

    /** The case's metric facts and checks as sorted text; a journal check without its delay, which recording time decides. */
    private List<String> readModels(List<CaseEvent> recorded) throws Exception {
        CaseView view = new CaseView();
        long sequence = 0;
        for (CaseEvent event : recorded) {
            view = json.readValue(json.writeValueAsString(view), CaseView.class);
            CaseViewFold.apply(view, event, sequence++);
        }
        List<String> rows = new ArrayList<>();
        MetricFacts.of(view).forEach(fact -> rows.add(String.join("|", fact.metric().name(), fact.subject(), fact.unit(),
                fact.day().toString(), String.valueOf(fact.dimension()), fact.value().toPlainString())));
        for (ComplianceCheck check : ComplianceChecks.of(view)) {
            rows.add(check.rule() == ComplianceRule.JOURNAL_WITHOUT_DELAY
                    ? String.join("|", check.rule().name(), check.unit(), check.subject(), check.referenceDay().toString())
                    : check.toString());
        }
        return rows.stream().sorted().toList();
    }

    /** One fact of the story: when it happened, the event that records it, and what must be recorded before it. */
    private record Fact(Instant occurredAt, Function<Envelope, CaseEvent> event, Set<Integer> after) {
    }

    /** A case's facts and the order constraints of the case's rules, generated from a seeded random source. */
    private static final class Story {

        private final Random random;
        private final CaseId caseId;
        private final List<Fact> facts = new ArrayList<>();
        private int opened;

        private Story(Random random) {
            this.random = random;
            this.caseId = new CaseId(uuid(random));
        }

        static Story of(Random random) {
            Story story = new Story(random);
            story.write();
            return story;
        }

        private void write() {
            Instant receivedAt = at(0);
            PersonId child = new PersonId(uuid(random));
            HouseholdId household = new HouseholdId(uuid(random));
            opened = fact(receivedAt, envelope -> new CaseOpened(caseId, CaseNumber.of("2025-00001"), UnitId.of(UNITS[0]),
                    CaseOrigin.REPORT_OF_CONCERN, child, household, receivedAt, envelope));
            reports();
            transfersAndAssignments();
            int firstOpening = investigations();
            hearings();
            visits();
            interventions(firstOpening);
            contactsAndNotes();
            if (random.nextInt(10) < 4) {
                Instant last = facts.stream().map(Fact::occurredAt).max(Instant::compareTo).orElseThrow();
                Set<Integer> everything = new HashSet<>();
                for (int i = 0; i < facts.size(); i++) {
                    everything.add(i);
                }
                facts.add(new Fact(last.plus(Duration.ofDays(1 + random.nextInt(5))), envelope -> new CaseClosed(caseId, "Done.", envelope),
                        everything));
            }
        }

        private void reports() {
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                ReportId report = new ReportId(uuid(random));
                Instant received = at(random.nextInt(120));
                int reported = fact(received, envelope -> new ReportOfConcernReceived(caseId, report, ReporterType.SCHOOL, "Worried.",
                        received, envelope));
                if (random.nextInt(10) < 7) {
                    fact(received.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60))),
                            envelope -> new ProtectionAssessed(caseId, report, false, "Safe.", envelope), reported);
                }
            }
        }

        private void transfersAndAssignments() {
            int previous = opened;
            Instant at = at(0);
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                at = at.plus(Duration.ofDays(1 + random.nextInt(60))).plus(Duration.ofMinutes(random.nextInt(600)));
                String from = UNITS[i];
                String to = UNITS[i + 1];
                previous = fact(at, envelope -> new CaseTransferred(caseId, UnitId.of(from), UnitId.of(to), "Moved.", envelope), previous);
            }
            previous = opened;
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                String worker = "worker." + i;
                previous = fact(at(random.nextInt(120)), envelope -> new CaseAssigned(caseId, StaffId.of(worker), null, envelope), previous);
            }
        }

        /** Decisions whether to investigate and investigations, in the one order the case accepts them; the first opening. */
        private int investigations() {
            int previous = opened;
            int firstOpening = -1;
            int day = random.nextInt(20);
            for (int cycle = 0, cycles = random.nextInt(3); cycle < cycles; cycle++) {
                if (random.nextBoolean()) {
                    previous = decision(DecisionKind.DO_NOT_OPEN_INVESTIGATION, day, null, previous);
                    day += 1 + random.nextInt(10);
                }
                LocalDate deadline = LedgerTime.dayOf(at(day)).plusMonths(4);
                previous = decision(DecisionKind.OPEN_INVESTIGATION, day, deadline, previous);
                firstOpening = firstOpening < 0 ? previous : firstOpening;
                int opening = day;
                if (random.nextInt(10) < 4) {
                    day = opening + 100 + random.nextInt(40);
                    previous = decision(DecisionKind.EXTEND_INVESTIGATION, day, deadline.plusDays(60 + random.nextInt(30)), previous);
                }
                boolean closed = cycle < cycles - 1 || random.nextBoolean();
                if (closed) {
                    day += 5 + random.nextInt(90);
                    previous = decision(DecisionKind.CLOSE_INVESTIGATION, day, null, previous);
                    day += 1 + random.nextInt(20);
                }
                if (closed && cycle == cycles - 1 && random.nextBoolean()) {
                    previous = decision(DecisionKind.DO_NOT_OPEN_INVESTIGATION, day, null, previous);
                }
            }
            return firstOpening;
        }

        private int decision(DecisionKind kind, int day, LocalDate deadline, int previous) {
            return decision(kind, at(day), deadline, null, null, previous);
        }

        private int decision(DecisionKind kind, Instant when, LocalDate deadline, InterventionId intervention, InterventionType type,
                             int... after) {
            DecisionId decision = new DecisionId(uuid(random));
            return fact(when, envelope -> new DecisionMade(caseId, decision, kind, LegalBasisId.of("SFS2025:400-20kap2"),
                    DelegationRuleId.of("DO-1.1"), StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, LedgerTime.dayOf(when), "Reasons.", false,
                    false, intervention, type, deadline, envelope), after);
        }

        private void hearings() {
            for (int i = 0, n = random.nextInt(5); i < n; i++) {
                String reason = "Reason " + i;
                fact(at(random.nextInt(120)), random.nextInt(10) < 6 ? envelope -> new ChildHeard(caseId, "Heard.", envelope)
                        : envelope -> new ChildNotHeardReasonRecorded(caseId, reason, envelope));
            }
        }

        private void visits() {
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                VisitId visit = new VisitId(uuid(random));
                Instant booked = at(random.nextInt(120));
                int booking = fact(booked, envelope -> new VisitBooked(caseId, visit, booked.plus(Duration.ofDays(5)), VisitPlace.HOME, envelope));
                Instant outcome = booked.plus(Duration.ofDays(1 + random.nextInt(10)));
                switch (random.nextInt(4)) {
                    case 0 -> fact(outcome, envelope -> new VisitHeld(caseId, visit, envelope), booking);
                    case 1 -> fact(outcome, envelope -> new VisitMissed(caseId, visit, envelope), booking);
                    case 2 -> fact(outcome, envelope -> new VisitCancelled(caseId, visit, CancelledBy.FAMILY, "Ill.", envelope), booking);
                    default -> {
                        // not concluded yet
                    }
                }
            }
        }

        private void interventions(int firstOpening) {
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                InterventionId intervention = new InterventionId(uuid(random));
                boolean granted = firstOpening >= 0 && random.nextBoolean();
                InterventionType type = granted ? InterventionType.FAMILY_TREATMENT : InterventionType.SERVICE_SUPPORT;
                int grant = granted ? decision(DecisionKind.GRANT_INTERVENTION, facts.get(firstOpening).occurredAt()
                        .plus(Duration.ofDays(1 + random.nextInt(30))), null, intervention, type, opened, firstOpening) : -1;
                Instant offeredAt = at(random.nextInt(150));
                boolean voluntary = random.nextBoolean();
                int offer = fact(offeredAt, envelope -> new InterventionOffered(caseId, intervention, type, voluntary, envelope));
                if (random.nextInt(4) == 0) {
                    continue;
                }
                Instant answeredAt = offeredAt.plus(Duration.ofDays(1 + random.nextInt(5)));
                if (random.nextInt(10) < 3) {
                    fact(answeredAt, envelope -> new InterventionDeclined(caseId, intervention, "No.", envelope), offer);
                    continue;
                }
                int acceptance = fact(answeredAt, envelope -> new InterventionAccepted(caseId, intervention, envelope), offer);
                if (random.nextInt(10) < 8) {
                    Instant startedAt = answeredAt.plus(Duration.ofDays(1 + random.nextInt(20)));
                    if (grant >= 0) {
                        fact(startedAt, envelope -> new InterventionStarted(caseId, intervention, envelope), acceptance, grant);
                    } else {
                        fact(startedAt, envelope -> new InterventionStarted(caseId, intervention, envelope), acceptance);
                    }
                }
            }
        }

        private void contactsAndNotes() {
            ContactChannel[] channels = {ContactChannel.PHONE, ContactChannel.COLLABORATION_MEETING, ContactChannel.SCHOOL_MEETING};
            for (int i = 0, n = random.nextInt(4); i < n; i++) {
                ContactId contact = new ContactId(uuid(random));
                ContactChannel channel = channels[random.nextInt(channels.length)];
                PartnerType partner = channel == ContactChannel.COLLABORATION_MEETING && random.nextBoolean() ? PartnerType.POLICE : null;
                fact(at(random.nextInt(150)), envelope -> new ContactRecorded(caseId, contact, channel, ContactInitiator.OFFICE, partner,
                        null, envelope));
            }
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                NoteId note = new NoteId(uuid(random));
                fact(at(random.nextInt(150)), envelope -> new JournalNoteRecorded(caseId, note, "Noted.", envelope));
            }
        }

        /** A fact recorded after the case was opened and after {@code after}; its index. */
        private int fact(Instant occurredAt, Function<Envelope, CaseEvent> event, int... after) {
            Set<Integer> before = new HashSet<>();
            before.add(opened);
            for (int index : after) {
                before.add(index);
            }
            facts.add(new Fact(occurredAt, event, before));
            return facts.size() - 1;
        }

        /** At 08:00 Swedish time {@code day} days after the first, plus up to ten hours. */
        private Instant at(int day) {
            return FIRST_DAY.plusDays(day).atTime(LocalTime.of(8, 0)).atZone(LedgerTime.ZONE).toInstant()
                    .plus(Duration.ofMinutes(random.nextInt(600)));
        }

        List<Integer> inBusinessOrder() {
            return order(allowed -> allowed.stream().min((a, b) -> facts.get(a).occurredAt().compareTo(facts.get(b).occurredAt()))
                    .orElseThrow());
        }

        List<Integer> anyAllowedOrder(Random choice) {
            return order(allowed -> allowed.get(choice.nextInt(allowed.size())));
        }

        /** An order in which each fact comes after what it must follow: repeatedly one of those whose predecessors are in. */
        private List<Integer> order(Function<List<Integer>, Integer> pick) {
            List<Integer> order = new ArrayList<>();
            Set<Integer> placed = new HashSet<>();
            while (order.size() < facts.size()) {
                List<Integer> allowed = new ArrayList<>();
                for (int i = 0; i < facts.size(); i++) {
                    if (!placed.contains(i) && (i == opened || placed.containsAll(facts.get(i).after()))) {
                        allowed.add(i);
                    }
                }
                int next = pick.apply(allowed);
                order.add(next);
                placed.add(next);
            }
            return order;
        }

        boolean recordedOutOfBusinessOrder(List<Integer> order) {
            for (int i = 1; i < order.size(); i++) {
                if (facts.get(order.get(i)).occurredAt().isBefore(facts.get(order.get(i - 1)).occurredAt())) {
                    return true;
                }
            }
            return false;
        }

        /** The events in this recording order, each recorded a minute after the one before and never before it happened. */
        List<CaseEvent> record(List<Integer> order) {
            List<CaseEvent> events = new ArrayList<>();
            Instant recordedAt = Instant.MIN;
            for (int index : order) {
                Fact fact = facts.get(index);
                recordedAt = max(recordedAt.plus(Duration.ofMinutes(1)), fact.occurredAt().plus(Duration.ofHours(1)));
                events.add(fact.event().apply(new Envelope(StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, UnitId.of(UNITS[0]),
                        fact.occurredAt(), recordedAt, "correlation-" + index, "causation-" + index, null)));
            }
            return events;
        }

        private static Instant max(Instant one, Instant other) {
            return one.isAfter(other) ? one : other;
        }

        private static UUID uuid(Random random) {
            return new UUID(random.nextLong(), random.nextLong());
        }
    }
}
