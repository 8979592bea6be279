package org.caseledger.core.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegalFrameworkTest {

    private final LegalFramework law = TestLaw.swedishLaw();

    @ParameterizedTest
    @ValueSource(strings = {"2002-01-01", "2020-06-15", "2025-06-30"})
    void theRepealedActIsInForceThroughItsLastDay(LocalDate day) {
        LegalBasis basis = law.requireBasisForDecision(TestLaw.OLD_PRELIMINARY_ASSESSMENT, DecisionKind.OPEN_INVESTIGATION, day);

        assertThat(basis.id()).isEqualTo(TestLaw.OLD_PRELIMINARY_ASSESSMENT);
        assertThat(basis.act()).isEqualTo("SFS 2001:453");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-12-31", "2025-07-01", "2030-01-01"})
    void theRepealedActIsNotInForceOutsideItsDays(LocalDate day) {
        assertViolates(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE,
                () -> law.requireBasisForDecision(TestLaw.OLD_PRELIMINARY_ASSESSMENT, DecisionKind.OPEN_INVESTIGATION, day));
    }

    @Test
    void theNewActIsInForceFromItsFirstDayWithoutEnd() {
        assertThat(law.requireBasisForDecision(TestLaw.NEW_PRELIMINARY_ASSESSMENT, DecisionKind.OPEN_INVESTIGATION,
                TestLaw.NEW_ACT_FIRST_DAY).act()).isEqualTo("SFS 2025:400");
        assertThat(law.requireBasisForDecision(TestLaw.NEW_PRELIMINARY_ASSESSMENT, DecisionKind.OPEN_INVESTIGATION,
                LocalDate.of(2099, 12, 31)).id()).isEqualTo(TestLaw.NEW_PRELIMINARY_ASSESSMENT);
        assertViolates(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE, () -> law.requireBasisForDecision(
                TestLaw.NEW_PRELIMINARY_ASSESSMENT, DecisionKind.OPEN_INVESTIGATION, TestLaw.OLD_ACT_LAST_DAY));
    }

    @Test
    void aBasisNotInTheCatalogueIsUnknown() {
        LegalBasisId unknown = LegalBasisId.of("SFS2025:400-99kap9");

        assertThat(law.find(unknown)).isEmpty();
        assertViolates(LedgerRule.LEGAL_BASIS_UNKNOWN,
                () -> law.requireBasisForDecision(unknown, DecisionKind.OPEN_INVESTIGATION, TestLaw.NEW_ACT_FIRST_DAY));
        assertViolates(LedgerRule.LEGAL_BASIS_UNKNOWN, () -> law.requireProvisionForDisclosure(unknown, TestLaw.NEW_ACT_FIRST_DAY));
    }

    @Test
    void aBasisAppliesOnlyToTheKindsOfDecisionItNames() {
        LocalDate day = LocalDate.of(2025, 9, 1);

        assertThat(law.requireBasisForDecision(TestLaw.NEW_ASSISTANCE, DecisionKind.GRANT_INTERVENTION, day).appealable()).isTrue();
        assertViolates(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE,
                () -> law.requireBasisForDecision(TestLaw.NEW_ASSISTANCE, DecisionKind.OPEN_INVESTIGATION, day));
        assertViolates(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE,
                () -> law.requireBasisForDecision(TestLaw.OSL_DISCLOSURE, DecisionKind.CLOSE_CASE, day));
    }

    /** Validity is checked before applicability, so a repealed basis of the wrong kind is reported as not in force. */
    @Test
    void aBasisOutOfForceIsReportedAsSuchWhateverTheKind() {
        assertViolates(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE,
                () -> law.requireBasisForDecision(TestLaw.OLD_ASSISTANCE, DecisionKind.OPEN_INVESTIGATION, TestLaw.NEW_ACT_FIRST_DAY));
    }

    @Test
    void aProvisionThatPermitsDisclosureAndIsInForceIsAccepted() {
        LegalBasis provision = law.requireProvisionForDisclosure(TestLaw.OSL_DISCLOSURE, LocalDate.of(2009, 6, 30));

        assertThat(provision.permitsDisclosure()).isTrue();
        assertThat(provision.id()).isEqualTo(TestLaw.OSL_DISCLOSURE);
    }

    @Test
    void aProvisionThatDoesNotPermitDisclosureIsNotApplicable() {
        LocalDate day = LocalDate.of(2025, 9, 1);

        assertViolates(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE,
                () -> law.requireProvisionForDisclosure(TestLaw.OSL_SOCIAL_SERVICES_SECRECY, day));
        assertViolates(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE, () -> law.requireProvisionForDisclosure(TestLaw.NEW_ASSISTANCE, day));
    }

    @Test
    void aRepealedDisclosureProvisionIsInForceThroughItsLastDayOnly() {
        assertThat(law.requireProvisionForDisclosure(TestLaw.REPEALED_SECRECY_ACT_DISCLOSURE, LocalDate.of(2009, 6, 29)).act())
                .isEqualTo("SFS 1980:100");
        assertViolates(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE,
                () -> law.requireProvisionForDisclosure(TestLaw.REPEALED_SECRECY_ACT_DISCLOSURE, LocalDate.of(2009, 6, 30)));
        assertViolates(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE,
                () -> law.requireProvisionForDisclosure(TestLaw.OSL_DISCLOSURE, LocalDate.of(2009, 6, 29)));
    }

    @Test
    void theDelegationOrderNamesTheRuleThatAllowsARole() {
        LocalDate day = LocalDate.of(2025, 9, 1);

        assertThat(law.requireDelegation(DecisionKind.GRANT_INTERVENTION, Role.GROUP_LEADER, day).id())
                .isEqualTo(TestLaw.GRANT_INTERVENTION_RULE);
        assertThat(law.requireDelegation(DecisionKind.OPEN_INVESTIGATION, Role.SOCIAL_SECRETARY, day).id())
                .isEqualTo(TestLaw.OPEN_INVESTIGATION_RULE);
        assertViolates(LedgerRule.DECISION_NOT_DELEGATED,
                () -> law.requireDelegation(DecisionKind.GRANT_INTERVENTION, Role.SOCIAL_SECRETARY, day));
        assertViolates(LedgerRule.DECISION_NOT_DELEGATED,
                () -> law.requireDelegation(DecisionKind.OPEN_INVESTIGATION, Role.AUDITOR, day));
    }

    @Test
    void aDelegationRuleAppliesThroughItsLastDayOnly() {
        assertThat(law.requireDelegation(DecisionKind.GRANT_INTERVENTION, Role.SOCIAL_SECRETARY,
                TestLaw.DELEGATION_ORDER_2020_LAST_DAY).id()).isEqualTo(TestLaw.GRANT_INTERVENTION_RULE_2020);
        assertViolates(LedgerRule.DECISION_NOT_DELEGATED, () -> law.requireDelegation(DecisionKind.GRANT_INTERVENTION,
                Role.SOCIAL_SECRETARY, TestLaw.DELEGATION_ORDER_2020_LAST_DAY.plusDays(1)));
        assertViolates(LedgerRule.DECISION_NOT_DELEGATED, () -> law.requireDelegation(DecisionKind.GRANT_INTERVENTION,
                Role.GROUP_LEADER, LocalDate.of(2019, 12, 31)));
    }

    @Test
    void aValidityOfOneDayCoversExactlyThatDay() {
        LocalDate day = LocalDate.of(2025, 7, 1);
        Validity validity = new Validity(day, day);

        assertThat(validity.covers(day)).isTrue();
        assertThat(validity.covers(day.minusDays(1))).isFalse();
        assertThat(validity.covers(day.plusDays(1))).isFalse();
    }

    @Test
    void aValidityCannotEndBeforeItBegins() {
        assertThatThrownBy(() -> new Validity(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 6, 30)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aDelegationRuleNamesAtLeastOneRole() {
        assertThatThrownBy(() -> new DelegationRule(DelegationRuleId.of("DO-9.9"), DecisionKind.CLOSE_CASE, Set.of(),
                new Validity(LocalDate.of(2025, 1, 1), null))).isInstanceOf(InvalidValueException.class);
    }

    private static void assertViolates(LedgerRule rule, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LedgerRuleViolation.class,
                violation -> assertThat(violation.rule()).isEqualTo(rule));
    }
}
