package org.caseledger.core.cases;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.PARENT;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.law.TestLaw;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.PartnerType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Consents (samtycke) and disclosures to partners (uppgiftsutlämnande). A consent covers whole days in
 * Stockholm: in October Stockholm is two hours ahead of UTC, at the turn of the year one hour.
 */
class CaseDisclosureTest {

    private static final ConsentId CONSENT = ConsentId.of("5c000000-0000-4000-8000-000000000001");
    private static final DisclosureId DISCLOSURE = DisclosureId.of("5d000000-0000-4000-8000-000000000001");
    private static final LocalDate VALID_FROM = LocalDate.of(2025, 10, 1);
    private static final LocalDate VALID_UNTIL = LocalDate.of(2025, 12, 31);
    private static final Envelope GIVEN = at("2025-09-25T10:00:00Z");
    private static final Envelope WITHDRAWN = at("2025-11-15T10:00:00Z");
    private static final String SCHOOL_NAME = "Vivallaskolan";
    private static final String CONTENT = "the family has contact with the social services";

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @Test
    void givingConsentIsRecordedWithItsPartnerPurposeAndDays() {
        fixture.given(caseOpened())
                .when(new GiveConsent(CASE_ID, CONSENT, PARENT, PartnerType.SCHOOL, SCHOOL_NAME, "support at school", VALID_FROM,
                        VALID_UNTIL, GIVEN))
                .expectEvents(consentGiven(VALID_UNTIL));
    }

    @Test
    void aConsentIdCanBeUsedOnlyOnce() {
        fixture.given(caseOpened(), consentGiven(VALID_UNTIL))
                .when(new GiveConsent(CASE_ID, CONSENT, PARENT, PartnerType.HEALTHCARE, "Vårdcentralen", "health", VALID_FROM,
                        null, at("2025-09-26T10:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void withdrawingAConsentIsRecorded() {
        fixture.given(caseOpened(), consentGiven(VALID_UNTIL))
                .when(new WithdrawConsent(CASE_ID, CONSENT, WITHDRAWN))
                .expectEvents(new ConsentWithdrawn(CASE_ID, CONSENT, WITHDRAWN));
    }

    @Test
    void withdrawingAConsentThatIsNotInTheCaseIsRejected() {
        fixture.given(caseOpened())
                .when(new WithdrawConsent(CASE_ID, CONSENT, WITHDRAWN))
                .expectException(violates(LedgerRule.CONSENT_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void withdrawingAConsentTwiceIsRejected() {
        fixture.given(caseOpened(), consentGiven(VALID_UNTIL), withdrawn())
                .when(new WithdrawConsent(CASE_ID, CONSENT, at("2025-11-16T10:00:00Z")))
                .expectException(violates(LedgerRule.CONSENT_ALREADY_WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void aDisclosureUnderAValidConsentIsRecordedWithTheConsentAsItsBasis() {
        Envelope envelope = at("2025-10-15T09:00:00Z");

        fixture.given(caseOpened(), consentGiven(VALID_UNTIL))
                .when(discloseUnderConsent(PartnerType.SCHOOL, envelope))
                .expectEvents(new InformationDisclosed(CASE_ID, DISCLOSURE, PartnerType.SCHOOL, SCHOOL_NAME, CONSENT, null,
                        CONTENT, envelope));
    }

    /** The first minutes of the first day and the last minute of the last day, Stockholm time. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-09-30T22:30:00Z", "2025-12-31T22:59:00Z"})
    void aConsentCoversItsFirstAndLastDayInStockholm(String occurredAt) {
        Envelope envelope = at(occurredAt);

        fixture.given(caseOpened(), consentGiven(VALID_UNTIL))
                .when(discloseUnderConsent(PartnerType.SCHOOL, envelope))
                .expectEvents(new InformationDisclosed(CASE_ID, DISCLOSURE, PartnerType.SCHOOL, SCHOOL_NAME, CONSENT, null,
                        CONTENT, envelope));
    }

    /** The last minute before the first day and the first minute after the last day, Stockholm time, and much later. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-09-30T21:59:00Z", "2025-12-31T23:00:00Z", "2026-03-02T09:00:00Z"})
    void aConsentDoesNotCoverDaysOutsideItsValidity(String occurredAt) {
        fixture.given(caseOpened(), consentGiven(VALID_UNTIL))
                .when(discloseUnderConsent(PartnerType.SCHOOL, at(occurredAt)))
                .expectException(violates(LedgerRule.DISCLOSURE_WITHOUT_VALID_BASIS))
                .expectNoEvents();
    }

    @Test
    void aConsentWithoutEndCoversLaterDays() {
        Envelope envelope = at("2027-05-05T09:00:00Z");

        fixture.given(caseOpened(), consentGiven(null))
                .when(discloseUnderConsent(PartnerType.SCHOOL, envelope))
                .expectEvents(new InformationDisclosed(CASE_ID, DISCLOSURE, PartnerType.SCHOOL, SCHOOL_NAME, CONSENT, null,
                        CONTENT, envelope));
    }

    @Test
    void aConsentDoesNotCoverAnotherKindOfPartner() {
        fixture.given(caseOpened(), consentGiven(VALID_UNTIL))
                .when(discloseUnderConsent(PartnerType.POLICE, at("2025-10-15T09:00:00Z")))
                .expectException(violates(LedgerRule.DISCLOSURE_WITHOUT_VALID_BASIS))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-15T10:00:00Z", "2025-11-15T10:00:01Z", "2025-12-01T09:00:00Z"})
    void aWithdrawnConsentDoesNotCoverDisclosuresFromTheMomentOfWithdrawal(String occurredAt) {
        fixture.given(caseOpened(), consentGiven(VALID_UNTIL), withdrawn())
                .when(discloseUnderConsent(PartnerType.SCHOOL, at(occurredAt)))
                .expectException(violates(LedgerRule.DISCLOSURE_WITHOUT_VALID_BASIS))
                .expectNoEvents();
    }

    /** Recorded after the withdrawal, but it happened before it, when the consent still held. */
    @Test
    void aDisclosureThatHappenedBeforeTheWithdrawalRestsOnTheConsent() {
        Envelope envelope = at("2025-11-15T09:59:59Z");

        fixture.given(caseOpened(), consentGiven(VALID_UNTIL), withdrawn())
                .when(discloseUnderConsent(PartnerType.SCHOOL, envelope))
                .expectEvents(new InformationDisclosed(CASE_ID, DISCLOSURE, PartnerType.SCHOOL, SCHOOL_NAME, CONSENT, null,
                        CONTENT, envelope));
    }

    @Test
    void aDisclosureCitingAConsentThatIsNotInTheCaseIsRejected() {
        fixture.given(caseOpened())
                .when(discloseUnderConsent(PartnerType.SCHOOL, at("2025-10-15T09:00:00Z")))
                .expectException(violates(LedgerRule.CONSENT_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void aDisclosureUnderAProvisionInForceThatPermitsItIsRecorded() {
        Envelope envelope = at("2025-10-15T09:00:00Z");

        fixture.given(caseOpened())
                .when(discloseUnderProvision(TestLaw.OSL_DISCLOSURE, envelope))
                .expectEvents(new InformationDisclosed(CASE_ID, DISCLOSURE, PartnerType.POLICE, "Polisen i Örebro", null,
                        TestLaw.OSL_DISCLOSURE, CONTENT, envelope));
    }

    @Test
    void aDisclosureCitingAProvisionNotInTheCatalogueIsRejected() {
        fixture.given(caseOpened())
                .when(discloseUnderProvision(LegalBasisId.of("SFS2009:400-99kap1"), at("2025-10-15T09:00:00Z")))
                .expectException(violates(LedgerRule.LEGAL_BASIS_UNKNOWN))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SFS2009:400-26kap1", "SFS2025:400-11kap1"})
    void aDisclosureCitingAProvisionThatDoesNotPermitDisclosureIsRejected(String provision) {
        fixture.given(caseOpened())
                .when(discloseUnderProvision(LegalBasisId.of(provision), at("2025-10-15T09:00:00Z")))
                .expectException(violates(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE))
                .expectNoEvents();
    }

    @Test
    void aDisclosureCitingARepealedProvisionIsRejected() {
        fixture.given(caseOpened())
                .when(discloseUnderProvision(TestLaw.REPEALED_SECRECY_ACT_DISCLOSURE, at("2025-10-15T09:00:00Z")))
                .expectException(violates(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE))
                .expectNoEvents();
    }

    @Test
    void aDisclosureIdCanBeUsedOnlyOnce() {
        InformationDisclosed earlier = new InformationDisclosed(CASE_ID, DISCLOSURE, PartnerType.POLICE, "Polisen i Örebro",
                null, TestLaw.OSL_DISCLOSURE, CONTENT, at("2025-10-14T09:00:00Z"));

        fixture.given(caseOpened(), earlier)
                .when(discloseUnderProvision(TestLaw.OSL_DISCLOSURE, at("2025-10-15T09:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void aDisclosureRestsOnExactlyOneBasis() {
        Envelope envelope = at("2025-10-15T09:00:00Z");

        assertThatThrownBy(() -> new DiscloseInformation(CASE_ID, DISCLOSURE, PartnerType.SCHOOL, SCHOOL_NAME, CONSENT,
                TestLaw.OSL_DISCLOSURE, CONTENT, envelope)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DiscloseInformation(CASE_ID, DISCLOSURE, PartnerType.SCHOOL, SCHOOL_NAME, null, null,
                CONTENT, envelope)).isInstanceOf(InvalidValueException.class);
    }

    private static ConsentGiven consentGiven(LocalDate validUntil) {
        return new ConsentGiven(CASE_ID, CONSENT, PARENT, PartnerType.SCHOOL, SCHOOL_NAME, "support at school", VALID_FROM,
                validUntil, GIVEN);
    }

    @Test
    void aConsentForOneNamedPartnerDoesNotCoverAnotherPartnerOfTheSameKind() {
        fixture.given(caseOpened(), consentGiven(VALID_UNTIL))
                .when(new DiscloseInformation(CASE_ID, DISCLOSURE, PartnerType.SCHOOL, "Another school", CONSENT, null, CONTENT,
                        at("2025-10-01T10:00:00Z")))
                .expectException(violates(LedgerRule.DISCLOSURE_WITHOUT_VALID_BASIS))
                .expectNoEvents();
    }

    @Test
    void theNamedPartnerIsRecognisedWhateverTheCaseOfItsName() {
        fixture.given(caseOpened(), consentGiven(VALID_UNTIL))
                .when(new DiscloseInformation(CASE_ID, DISCLOSURE, PartnerType.SCHOOL, " " + SCHOOL_NAME.toUpperCase() + " ", CONSENT,
                        null, CONTENT, at("2025-10-01T10:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }

    private static ConsentWithdrawn withdrawn() {
        return new ConsentWithdrawn(CASE_ID, CONSENT, WITHDRAWN);
    }

    private static DiscloseInformation discloseUnderConsent(PartnerType partner, Envelope envelope) {
        return new DiscloseInformation(CASE_ID, DISCLOSURE, partner, SCHOOL_NAME, CONSENT, null, CONTENT, envelope);
    }

    private static DiscloseInformation discloseUnderProvision(LegalBasisId provision, Envelope envelope) {
        return new DiscloseInformation(CASE_ID, DISCLOSURE, PartnerType.POLICE, "Polisen i Örebro", null, provision, CONTENT,
                envelope);
    }
}
