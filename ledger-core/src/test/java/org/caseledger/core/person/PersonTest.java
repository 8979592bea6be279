package org.caseledger.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {

    private static final PersonId PERSON = PersonId.of("0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5b");
    private static final PersonalIdentityNumber IDENTITY_NUMBER = PersonalIdentityNumber.of("20100101-2382");
    private static final Envelope REGISTERED = at("2025-09-01T08:00:00Z");
    private static final Envelope ERASED = at("2031-01-15T02:00:00Z");
    private static final UnitId RECEPTION = UnitId.of("central-reception");

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
    }

    @Test
    void registeringAPersonWithAnIdentityNumberRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(PERSON, IDENTITY_NUMBER, null, "Tolvan Tolvansson", true, null, REGISTERED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonRegistered(PERSON, IDENTITY_NUMBER, null, "Tolvan Tolvansson", true, null, REGISTERED));
    }

    @Test
    void registeringAPersonWithAReserveNumberRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(PERSON, null, "R-2025-0007", "Okänd Förälder", false, null, REGISTERED))
                .expectEvents(new PersonRegistered(PERSON, null, "R-2025-0007", "Okänd Förälder", false, null, REGISTERED));
    }

    @Test
    void aPersonHasAnIdentityNumberOrAReserveNumberButNotBoth() {
        assertThatThrownBy(() -> new RegisterPerson(PERSON, IDENTITY_NUMBER, "R-2025-0007", "Tolvan", false, null, REGISTERED))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RegisterPerson(PERSON, null, null, "Tolvan", false, null, REGISTERED))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void erasingARegisteredPersonRecordsTheErasure() {
        fixture.given(registered())
                .when(new ErasePerson(PERSON, ErasureReason.RETENTION, ERASED))
                .expectEvents(new PersonErased(PERSON, ErasureReason.RETENTION, null, ERASED));
    }

    @Test
    void erasingAPersonTwiceIsRejected() {
        fixture.given(registered(), new PersonErased(PERSON, ErasureReason.RETENTION, null, ERASED))
                .when(new ErasePerson(PERSON, ErasureReason.RETENTION, at(ERASED.occurredAt().plusSeconds(3600))))
                .expectException(violates(LedgerRule.PERSON_ERASED))
                .expectNoEvents();
    }

    @Test
    void erasingAPersonWhomAnotherUnitAlsoHoldsIsRejectedUntilThatUnitApproves() {
        fixture.given(registered())
                .when(new ErasePerson(PERSON, ErasureReason.RETENTION, null, Set.of(RECEPTION), ERASED))
                .expectException(violates(LedgerRule.ERASURE_NOT_APPROVED))
                .expectNoEvents();
    }

    @Test
    void erasingAPersonIsRecordedOnceEveryOtherUnitHoldingThemApproved() {
        Envelope approval = receptionHead(ERASED.occurredAt().minusSeconds(60));
        fixture.given(registered(), new ErasureApproved(PERSON, approval))
                .when(new ErasePerson(PERSON, ErasureReason.RETENTION, null, Set.of(RECEPTION), ERASED))
                .expectEvents(new PersonErased(PERSON, ErasureReason.RETENTION, null, ERASED));
    }

    @Test
    void theOneErasingCannotApproveForAnotherUnit() {
        Envelope ownApproval = new Envelope(ERASED.actor(), ERASED.role(), RECEPTION, ERASED.occurredAt(), ERASED.recordedAt(),
                "corr", "cause", null);
        fixture.given(registered(), new ErasureApproved(PERSON, ownApproval))
                .when(new ErasePerson(PERSON, ErasureReason.RETENTION, null, Set.of(RECEPTION), ERASED))
                .expectException(violates(LedgerRule.ERASURE_NOT_APPROVED));
    }

    @Test
    void approvingTheErasureOfAnErasedPersonIsRejected() {
        fixture.given(registered(), new PersonErased(PERSON, ErasureReason.RETENTION, null, ERASED))
                .when(new ApproveErasure(PERSON, receptionHead(ERASED.occurredAt().plusSeconds(60))))
                .expectException(violates(LedgerRule.PERSON_ERASED));
    }

    @Test
    void givenAPersonNotProtectedWhenTheirIdentityIsProtectedThenTheProtectionIsRecordedAndWhenLiftedTheLiftingIs() {
        Envelope granted = at("2026-02-01T09:00:00Z");
        Envelope lifted = at("2026-06-01T09:00:00Z");
        fixture.given(registered())
                .when(new ProtectIdentity(PERSON, granted))
                .expectEvents(new IdentityProtected(PERSON, granted));
        fixture.given(registered(), new IdentityProtected(PERSON, granted))
                .when(new LiftIdentityProtection(PERSON, lifted))
                .expectEvents(new IdentityProtectionLifted(PERSON, lifted));
    }

    @Test
    void givenAProtectionAlreadyAsAskedWhenProtectedOrLiftedAgainThenRefusedWithTheRuleAndNothingRecorded() {
        Envelope later = at("2026-02-01T09:00:00Z");
        fixture.given(registered(), new IdentityProtected(PERSON, later))
                .when(new ProtectIdentity(PERSON, later))
                .expectException(violates(LedgerRule.IDENTITY_PROTECTION_UNCHANGED))
                .expectNoEvents();
        fixture.given(registered())
                .when(new LiftIdentityProtection(PERSON, later))
                .expectException(violates(LedgerRule.IDENTITY_PROTECTION_UNCHANGED))
                .expectNoEvents();
        fixture.given(new PersonRegistered(PERSON, IDENTITY_NUMBER, null, "Tolvan", true, null, REGISTERED))
                .when(new ProtectIdentity(PERSON, later))
                .expectException(violates(LedgerRule.IDENTITY_PROTECTION_UNCHANGED));
    }

    @Test
    void givenARegisteredPersonWhenTheirNameAndNumberAreCorrectedThenTheCorrectionsAreRecordedWithTheirReasons() {
        Envelope corrected = at("2026-02-01T09:00:00Z");
        PersonalIdentityNumber right = PersonalIdentityNumber.of("20100102-2381");
        fixture.given(registered())
                .when(new CorrectName(PERSON, "Tolvan Tolvsson", "Misspelt at registration.", corrected))
                .expectEvents(new NameCorrected(PERSON, "Tolvan Tolvsson", "Misspelt at registration.", corrected));
        fixture.given(registered())
                .when(new CorrectIdentityNumber(PERSON, right, "Digits swapped.", corrected))
                .expectEvents(new IdentityNumberCorrected(PERSON, right, 2, "Digits swapped.", corrected));
    }

    @Test
    void givenAPersonKnownByAReserveNumberWhenGivenAPersonalNumberThenTheNumberIsRecordedWithItsDayOfBirth() {
        Envelope corrected = at("2026-02-01T09:00:00Z");
        fixture.given(new PersonRegistered(PERSON, null, "R-2025-0007", "Okänd Förälder", false, null, REGISTERED))
                .when(new CorrectIdentityNumber(PERSON, IDENTITY_NUMBER, "Number from the Tax Agency.", corrected))
                .expectEvents(new IdentityNumberCorrected(PERSON, IDENTITY_NUMBER, 1, "Number from the Tax Agency.", corrected));
    }

    @Test
    void givenACorrectionToTheValueThePersonHasWhenSentThenRefusedWithTheRuleAndNothingRecorded() {
        Envelope corrected = at("2026-02-01T09:00:00Z");
        fixture.given(registered(), new NameCorrected(PERSON, "Tolvan T", "Short form.", corrected))
                .when(new CorrectName(PERSON, "Tolvan T", "Again.", corrected))
                .expectException(violates(LedgerRule.CORRECTION_CHANGES_NOTHING))
                .expectNoEvents();
        fixture.given(registered())
                .when(new CorrectIdentityNumber(PERSON, IDENTITY_NUMBER, "The same.", corrected))
                .expectException(violates(LedgerRule.CORRECTION_CHANGES_NOTHING))
                .expectNoEvents();
    }

    @Test
    void givenAnErasedPersonWhenProtectedOrCorrectedThenRefusedAsErased() {
        Envelope later = at("2031-02-01T09:00:00Z");
        fixture.given(registered(), new PersonErased(PERSON, ErasureReason.RETENTION, null, ERASED))
                .when(new ProtectIdentity(PERSON, later))
                .expectException(violates(LedgerRule.PERSON_ERASED));
        fixture.given(registered(), new PersonErased(PERSON, ErasureReason.RETENTION, null, ERASED))
                .when(new CorrectName(PERSON, "Ny", "Reason.", later))
                .expectException(violates(LedgerRule.PERSON_ERASED));
    }

    @Test
    void givenEventsOfAPersonWhenFoldedThenTheRecordHasTheLastNameAndNumberAndTheProtectionAsItStandsNow() {
        Envelope later = at("2026-02-01T09:00:00Z");
        PersonalIdentityNumber right = PersonalIdentityNumber.of("20100102-2381");
        PersonRecord person = PersonRecord.of(List.of(registered(), new NameCorrected(PERSON, "Tolvan Tolvsson", "r", later),
                new IdentityNumberCorrected(PERSON, right, "r", later), new IdentityProtected(PERSON, later)));

        assertThat(person).isEqualTo(new PersonRecord(true, "Tolvan Tolvsson", right, null, true, false));
        assertThat(PersonRecord.of(List.of(registered(), new IdentityProtected(PERSON, later),
                new IdentityProtectionLifted(PERSON, later))).protectedIdentity()).isFalse();
    }

    private static Envelope receptionHead(java.time.Instant at) {
        return new Envelope(StaffId.of("mia.strand"), Role.UNIT_HEAD, RECEPTION, at, at, "corr", "cause", null);
    }

    private static PersonRegistered registered() {
        return new PersonRegistered(PERSON, IDENTITY_NUMBER, null, "Tolvan Tolvansson", false, null, REGISTERED);
    }

    @Test
    void givenANumberOfSomeoneBornIn2010WhenTheRegistrationIsDatedIn2009ThenTheCommandIsInvalid() {
        assertThatThrownBy(() -> new RegisterPerson(PERSON, IDENTITY_NUMBER, null, "Alva", false, null, at("2009-12-31T12:00:00Z")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("day of birth 2010-01-01");
        assertThatThrownBy(() -> new CorrectIdentityNumber(PERSON, IDENTITY_NUMBER, "digits swapped", at("2009-06-01T12:00:00Z")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("day of birth 2010-01-01");
    }

    @Test
    void givenANumberOfSomeoneBornOnADayWhenTheRegistrationIsDatedThatDayThenItIsValid() {
        assertThat(new RegisterPerson(PERSON, IDENTITY_NUMBER, null, "Alva", false, null, at("2010-01-01T08:00:00Z")).identityNumber())
                .isEqualTo(IDENTITY_NUMBER);
    }
}
