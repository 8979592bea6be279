package org.caseledger.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.PARENT;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.cases.CaseFixtures.interventionGranted;
import static org.caseledger.core.cases.CaseFixtures.investigationOpened;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;
import static org.caseledger.core.shared.TestEnvelopes.by;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.TestLaw;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case read back from its snapshot (its fields as JSON) keeps every rule its events gave it: the ids of each kind
 * of record, the open investigation and its deadline, visits, consents and interventions.
 */
class CaseSnapshotTest {

    private static final NoteId NOTE = NoteId.of("c0000000-0000-4000-8000-000000000001");
    private static final VisitId VISIT = VisitId.of("b0000000-0000-4000-8000-000000000001");
    private static final ContactId CONTACT = ContactId.of("e0000000-0000-4000-8000-000000000001");
    private static final ConsentId CONSENT = ConsentId.of("f0000000-0000-4000-8000-000000000001");
    private static final InterventionId INTERVENTION = InterventionId.of("a0000000-0000-4000-8000-000000000001");
    private static final Instant LATER = Instant.parse("2025-10-20T09:00:00Z");

    /** The snapshot mapper of the ledger: Axon's JSON settings, reading and writing the aggregate's fields. */
    private final ObjectMapper snapshots = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @Test
    void aNoteIdUsedBeforeTheSnapshotIsStillRefusedAfterIt() throws Exception {
        fixture.given(snapshotAfterTheHistory())
                .when(new RecordJournalNote(CASE_ID, NOTE, "the same id again", at(LATER)))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void aContactIdUsedBeforeTheSnapshotIsStillRefusedAfterIt() throws Exception {
        fixture.given(snapshotAfterTheHistory())
                .when(new RecordContact(CASE_ID, CONTACT, ContactChannel.PHONE, ContactInitiator.FAMILY, null, null, at(LATER)))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void aVisitBookedBeforeTheSnapshotKeepsItsIdAndAwaitsItsOutcome() throws Exception {
        fixture.given(snapshotAfterTheHistory())
                .when(new BookVisit(CASE_ID, VISIT, LATER.plusSeconds(86_400), VisitPlace.HOME, at(LATER)))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
        fixture.given(snapshotAfterTheHistory())
                .when(new RecordVisitHeld(CASE_ID, VISIT, at(LATER)))
                .expectEvents(new VisitHeld(CASE_ID, VISIT, at(LATER)));
    }

    @Test
    void theInvestigationOpenedBeforeTheSnapshotIsStillOpenWithItsDeadline() throws Exception {
        fixture.given(snapshotAfterTheHistory())
                .when(new MakeDecision(CASE_ID, DecisionId.random(), DecisionKind.OPEN_INVESTIGATION, TestLaw.NEW_PRELIMINARY_ASSESSMENT,
                        "a second report", false, null, null, null, at(LATER)))
                .expectException(violates(LedgerRule.INVESTIGATION_ALREADY_OPEN))
                .expectNoEvents();
        fixture.given(snapshotAfterTheHistory())
                .when(new MakeDecision(CASE_ID, DecisionId.random(), DecisionKind.EXTEND_INVESTIGATION, TestLaw.NEW_INVESTIGATION,
                        "not later at all", false, null, null, CaseFixtures.INVESTIGATION_DEADLINE, by(Role.GROUP_LEADER, LATER)))
                .expectException(violates(LedgerRule.EXTENSION_NOT_LATER))
                .expectNoEvents();
    }

    @Test
    void anInterventionGrantedBeforeTheSnapshotCannotBeGrantedAgain() throws Exception {
        fixture.given(snapshotAfterTheHistory())
                .when(new MakeDecision(CASE_ID, DecisionId.random(), DecisionKind.GRANT_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                        "again", true, INTERVENTION, InterventionType.FAMILY_TREATMENT, null, by(Role.GROUP_LEADER, LATER)))
                .expectException(violates(LedgerRule.INTERVENTION_ALREADY_GRANTED))
                .expectNoEvents();
    }

    @Test
    void aConsentWithdrawnBeforeTheSnapshotStaysWithdrawn() throws Exception {
        fixture.given(snapshotAfterTheHistory())
                .when(new WithdrawConsent(CASE_ID, CONSENT, at(LATER)))
                .expectException(violates(LedgerRule.CONSENT_ALREADY_WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void theSnapshotReadsBackIntoTheSameState() throws Exception {
        String snapshot = snapshotJsonAfterTheHistory();

        Case read = snapshots.readValue(snapshot, Case.class);

        assertThat(snapshots.writeValueAsString(read)).isEqualTo(snapshot);
    }

    /** The case after its history, as the snapshotter would store it: the aggregate itself as the first "event". */
    private GenericDomainEventMessage<Case> snapshotAfterTheHistory() throws Exception {
        List<Object> history = history();
        Case restored = snapshots.readValue(snapshotJsonAfterTheHistory(), Case.class);
        return new GenericDomainEventMessage<>("Case", CASE_ID.toString(), history.size() - 1, restored);
    }

    private String snapshotJsonAfterTheHistory() throws Exception {
        AtomicReference<String> json = new AtomicReference<>();
        List<Object> history = history();
        caseFixture().given(history.subList(0, history.size() - 1))
                .when(new WithdrawConsent(CASE_ID, CONSENT, at("2025-10-10T09:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectState(state -> json.set(write(state)));
        return json.get();
    }

    private String write(Case state) {
        try {
            return snapshots.writeValueAsString(state);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> history() {
        return List.of(
                caseOpened(),
                investigationOpened(),
                new JournalNoteRecorded(CASE_ID, NOTE, "home visit planned", at("2025-09-04T10:00:00Z")),
                new ContactRecorded(CASE_ID, CONTACT, ContactChannel.PHONE, ContactInitiator.FAMILY, null, null,
                        at("2025-09-05T10:00:00Z")),
                new VisitBooked(CASE_ID, VISIT, Instant.parse("2025-09-20T10:00:00Z"), VisitPlace.HOME, at("2025-09-06T10:00:00Z")),
                interventionGranted(INTERVENTION, InterventionType.FAMILY_TREATMENT, Instant.parse("2025-09-25T10:00:00Z")),
                new ConsentGiven(CASE_ID, CONSENT, PARENT, PartnerType.SCHOOL, "Vivallaskolan", "school attendance",
                        LocalDate.of(2025, 9, 1), null, at("2025-09-26T10:00:00Z")),
                new ConsentWithdrawn(CASE_ID, CONSENT, at("2025-10-10T09:00:00Z")));
    }
}
