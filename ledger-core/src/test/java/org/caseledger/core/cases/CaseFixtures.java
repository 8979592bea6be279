package org.caseledger.core.cases;

import static org.caseledger.core.shared.TestEnvelopes.at;
import static org.caseledger.core.shared.TestEnvelopes.by;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.TestLaw;
import org.caseledger.core.person.DaysOfBirth;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.TestEnvelopes;

/**
 * The case the tests work on and the events that bring it into a state. The story runs in the autumn of
 * 2025, under SFS 2025:400; Stockholm is two hours ahead of UTC until 26 October.
 */
final class CaseFixtures {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    static final CaseId CASE_ID = CaseId.of("3f2a0c1e-8d4b-4a57-9c1f-2b7e5d9a6c30");
    static final CaseNumber CASE_NUMBER = CaseNumber.of("2025-00042");
    static final PersonId CHILD = PersonId.of("0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5b");
    static final PersonId PARENT = PersonId.of("9e8d7c6b-5a49-4382-9170-f6e5d4c3b2a1");
    static final HouseholdId HOUSEHOLD = HouseholdId.of("a1b2c3d4-e5f6-4789-8abc-def012345678");
    static final Instant OPENED_AT = Instant.parse("2025-09-01T07:00:00Z");
    /** The child is an infant: born in the summer before the report that opened the case. */
    static final LocalDate CHILD_BORN = LocalDate.of(2025, 6, 20);

    static final DecisionId INVESTIGATION_DECISION = DecisionId.of("d0000000-0000-4000-8000-000000000001");
    static final Instant INVESTIGATION_OPENED_AT = Instant.parse("2025-09-03T09:00:00Z");
    static final LocalDate INVESTIGATION_DEADLINE = LocalDate.of(2026, 1, 3);

    private CaseFixtures() {
    }

    static AggregateTestFixture<Case> caseFixture() {
        AggregateTestFixture<Case> fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(TestLaw.swedishLaw());
        fixture.registerInjectableResource((DaysOfBirth) person -> person.equals(CHILD) ? Optional.of(CHILD_BORN) : Optional.empty());
        // Intervention and Consent compare by identity, so the fixture's check that the working aggregate equals the
        // one rebuilt from its events would always report these two maps as changed; every other field is still compared.
        fixture.registerIgnoredField(Case.class, "interventions");
        fixture.registerIgnoredField(Case.class, "consents");
        return fixture;
    }

    static CaseOpened caseOpened() {
        return caseOpened(OPENED_AT);
    }

    static CaseOpened caseOpened(Instant openedAt) {
        return new CaseOpened(CASE_ID, CASE_NUMBER, TestEnvelopes.UNIT, CaseOrigin.REPORT_OF_CONCERN, CHILD, HOUSEHOLD,
                openedAt, at(openedAt));
    }

    static CaseClosed caseClosed() {
        return new CaseClosed(CASE_ID, "the family moved", at("2025-12-01T10:00:00Z"));
    }

    static DecisionMade investigationOpened() {
        Envelope envelope = at(INVESTIGATION_OPENED_AT);
        return new DecisionMade(CASE_ID, INVESTIGATION_DECISION, DecisionKind.OPEN_INVESTIGATION,
                TestLaw.NEW_PRELIMINARY_ASSESSMENT, TestLaw.OPEN_INVESTIGATION_RULE, envelope.actor(), envelope.role(),
                LocalDate.of(2025, 9, 3), "the report gives cause for an investigation", false, false, null, null,
                INVESTIGATION_DEADLINE, envelope);
    }

    static DecisionMade investigationClosed(Instant when) {
        Envelope envelope = at(when);
        return new DecisionMade(CASE_ID, DecisionId.random(), DecisionKind.CLOSE_INVESTIGATION, TestLaw.NEW_INVESTIGATION,
                TestLaw.CLOSE_INVESTIGATION_RULE, envelope.actor(), envelope.role(), stockholmDay(when), "investigation complete",
                false, false, null, null, null, envelope);
    }

    static DecisionMade interventionGranted(InterventionId intervention, InterventionType type, Instant when) {
        Envelope envelope = by(Role.GROUP_LEADER, when);
        return new DecisionMade(CASE_ID, DecisionId.random(), DecisionKind.GRANT_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                TestLaw.GRANT_INTERVENTION_RULE, envelope.actor(), envelope.role(), stockholmDay(when), "needs support", true,
                true, intervention, type, null, envelope);
    }

    static DecisionMade interventionDenied(InterventionId intervention, InterventionType type, Instant when) {
        Envelope envelope = by(Role.GROUP_LEADER, when);
        return new DecisionMade(CASE_ID, DecisionId.random(), DecisionKind.DENY_INTERVENTION, TestLaw.NEW_ASSISTANCE,
                TestLaw.DENY_INTERVENTION_RULE, envelope.actor(), envelope.role(), stockholmDay(when), "needs met otherwise",
                true, true, intervention, type, null, envelope);
    }

    /** For given events only: expected events spell their dates out, so the rule under test does not check itself. */
    private static LocalDate stockholmDay(Instant instant) {
        return instant.atZone(STOCKHOLM).toLocalDate();
    }
}
