package org.caseledger.core.law;

import static org.caseledger.core.law.DecisionKind.CLOSE_CASE;
import static org.caseledger.core.law.DecisionKind.CLOSE_INVESTIGATION;
import static org.caseledger.core.law.DecisionKind.DENY_INTERVENTION;
import static org.caseledger.core.law.DecisionKind.DO_NOT_OPEN_INVESTIGATION;
import static org.caseledger.core.law.DecisionKind.END_INTERVENTION;
import static org.caseledger.core.law.DecisionKind.EXTEND_INVESTIGATION;
import static org.caseledger.core.law.DecisionKind.EXTEND_PRELIMINARY_ASSESSMENT;
import static org.caseledger.core.law.DecisionKind.GRANT_INTERVENTION;
import static org.caseledger.core.law.DecisionKind.OPEN_INVESTIGATION;
import static org.caseledger.core.shared.Role.GROUP_LEADER;
import static org.caseledger.core.shared.Role.SOCIAL_SECRETARY;
import static org.caseledger.core.shared.Role.UNIT_HEAD;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caseledger.core.shared.Role;

/**
 * A small catalogue of Swedish law and a delegation order for tests. The Social Services Act SFS 2001:453
 * is in force through 2025-06-30 and SFS 2025:400 from 2025-07-01; section numbers other than the ones the
 * design brief names are illustrative, not a legal reference.
 */
public final class TestLaw {

    public static final LocalDate OLD_ACT_LAST_DAY = LocalDate.of(2025, 6, 30);
    public static final LocalDate NEW_ACT_FIRST_DAY = LocalDate.of(2025, 7, 1);

    /** Preliminary assessment (förhandsbedömning): open or do not open an investigation. */
    public static final LegalBasisId OLD_PRELIMINARY_ASSESSMENT = LegalBasisId.of("SFS2001:453-11kap1a");
    public static final LegalBasisId NEW_PRELIMINARY_ASSESSMENT = LegalBasisId.of("SFS2025:400-20kap2");
    /** The investigation itself: extend or close it. */
    public static final LegalBasisId NEW_INVESTIGATION = LegalBasisId.of("SFS2025:400-20kap6");
    /** Assistance after a needs assessment (bistånd): grant, deny, end. Appealable. */
    public static final LegalBasisId OLD_ASSISTANCE = LegalBasisId.of("SFS2001:453-4kap1");
    public static final LegalBasisId NEW_ASSISTANCE = LegalBasisId.of("SFS2025:400-11kap1");
    /** Support and service without a needs assessment: grant only, not appealable. */
    public static final LegalBasisId NEW_SERVICE_SUPPORT = LegalBasisId.of("SFS2025:400-11kap4");
    public static final LegalBasisId NEW_CASE_CLOSURE = LegalBasisId.of("SFS2025:400-20kap20");
    /** Public Access to Information and Secrecy Act: the duty to report to another authority permits disclosure. */
    public static final LegalBasisId OSL_DISCLOSURE = LegalBasisId.of("SFS2009:400-10kap28");
    /** The secrecy of the social services itself: citable, but it permits nothing. */
    public static final LegalBasisId OSL_SOCIAL_SERVICES_SECRECY = LegalBasisId.of("SFS2009:400-26kap1");
    /** The Secrecy Act that OSL replaced on 2009-06-30. */
    public static final LegalBasisId REPEALED_SECRECY_ACT_DISCLOSURE = LegalBasisId.of("SFS1980:100-14kap1");

    public static final DelegationRuleId OPEN_INVESTIGATION_RULE = DelegationRuleId.of("DO-1.1");
    public static final DelegationRuleId DO_NOT_OPEN_INVESTIGATION_RULE = DelegationRuleId.of("DO-1.2");
    public static final DelegationRuleId EXTEND_INVESTIGATION_RULE = DelegationRuleId.of("DO-1.3");
    public static final DelegationRuleId CLOSE_INVESTIGATION_RULE = DelegationRuleId.of("DO-1.4");
    public static final DelegationRuleId EXTEND_PRELIMINARY_ASSESSMENT_RULE = DelegationRuleId.of("DO-1.5");
    public static final DelegationRuleId GRANT_INTERVENTION_RULE = DelegationRuleId.of("DO-2.1");
    /** The delegation order of 2020 also let social secretaries grant; it was withdrawn at the end of 2024. */
    public static final DelegationRuleId GRANT_INTERVENTION_RULE_2020 = DelegationRuleId.of("DO-2.1-2020");
    public static final DelegationRuleId DENY_INTERVENTION_RULE = DelegationRuleId.of("DO-2.2");
    public static final DelegationRuleId END_INTERVENTION_RULE = DelegationRuleId.of("DO-2.3");
    public static final DelegationRuleId CLOSE_CASE_RULE = DelegationRuleId.of("DO-3.1");

    public static final LocalDate DELEGATION_ORDER_2020_LAST_DAY = LocalDate.of(2024, 12, 31);

    private static final LocalDate OLD_ACT_FIRST_DAY = LocalDate.of(2002, 1, 1);
    private static final LocalDate OSL_FIRST_DAY = LocalDate.of(2009, 6, 30);
    private static final LocalDate DELEGATION_ORDER_2020_FIRST_DAY = LocalDate.of(2020, 1, 1);

    private TestLaw() {
    }

    public static LegalFramework swedishLaw() {
        return new LegalFramework(legalBases(), delegationOrder());
    }

    private static List<LegalBasis> legalBases() {
        Validity oldAct = new Validity(OLD_ACT_FIRST_DAY, OLD_ACT_LAST_DAY);
        Validity newAct = new Validity(NEW_ACT_FIRST_DAY, null);
        Validity osl = new Validity(OSL_FIRST_DAY, null);
        return List.of(
                new LegalBasis(OLD_PRELIMINARY_ASSESSMENT, "SFS 2001:453", "11 kap. 1 a §", "Förhandsbedömning", oldAct,
                        Set.of(OPEN_INVESTIGATION, DO_NOT_OPEN_INVESTIGATION, EXTEND_PRELIMINARY_ASSESSMENT), false, false),
                new LegalBasis(NEW_PRELIMINARY_ASSESSMENT, "SFS 2025:400", "20 kap. 2 §", "Förhandsbedömning", newAct,
                        Set.of(OPEN_INVESTIGATION, DO_NOT_OPEN_INVESTIGATION, EXTEND_PRELIMINARY_ASSESSMENT), false, false),
                new LegalBasis(NEW_INVESTIGATION, "SFS 2025:400", "20 kap. 6 §", "Utredningstid", newAct,
                        Set.of(EXTEND_INVESTIGATION, CLOSE_INVESTIGATION), false, false),
                new LegalBasis(OLD_ASSISTANCE, "SFS 2001:453", "4 kap. 1 §", "Rätt till bistånd", oldAct,
                        Set.of(GRANT_INTERVENTION, DENY_INTERVENTION, END_INTERVENTION), false, true),
                new LegalBasis(NEW_ASSISTANCE, "SFS 2025:400", "11 kap. 1 §", "Rätt till bistånd", newAct,
                        Set.of(GRANT_INTERVENTION, DENY_INTERVENTION, END_INTERVENTION), false, true),
                new LegalBasis(NEW_SERVICE_SUPPORT, "SFS 2025:400", "11 kap. 4 §", "Insatser utan behovsprövning", newAct,
                        Set.of(GRANT_INTERVENTION), false, false),
                new LegalBasis(NEW_CASE_CLOSURE, "SFS 2025:400", "20 kap. 20 §", "Avslut av ärende", newAct,
                        Set.of(CLOSE_CASE), false, false),
                new LegalBasis(OSL_DISCLOSURE, "SFS 2009:400", "10 kap. 28 §", "Uppgiftsskyldighet", osl,
                        Set.of(), true, false),
                new LegalBasis(OSL_SOCIAL_SERVICES_SECRECY, "SFS 2009:400", "26 kap. 1 §", "Sekretess inom socialtjänsten", osl,
                        Set.of(), false, false),
                new LegalBasis(REPEALED_SECRECY_ACT_DISCLOSURE, "SFS 1980:100", "14 kap. 1 §", "Uppgiftsskyldighet",
                        new Validity(LocalDate.of(1981, 1, 1), OSL_FIRST_DAY.minusDays(1)), Set.of(), true, false));
    }

    private static List<DelegationRule> delegationOrder() {
        Validity current = new Validity(DELEGATION_ORDER_2020_FIRST_DAY, null);
        Set<Role> everyCaseWorker = Set.of(SOCIAL_SECRETARY, GROUP_LEADER, UNIT_HEAD);
        Set<Role> leaders = Set.of(GROUP_LEADER, UNIT_HEAD);
        return List.of(
                new DelegationRule(OPEN_INVESTIGATION_RULE, OPEN_INVESTIGATION, everyCaseWorker, current),
                new DelegationRule(DO_NOT_OPEN_INVESTIGATION_RULE, DO_NOT_OPEN_INVESTIGATION, everyCaseWorker, current),
                new DelegationRule(EXTEND_INVESTIGATION_RULE, EXTEND_INVESTIGATION, leaders, current),
                new DelegationRule(CLOSE_INVESTIGATION_RULE, CLOSE_INVESTIGATION, everyCaseWorker, current),
                new DelegationRule(EXTEND_PRELIMINARY_ASSESSMENT_RULE, EXTEND_PRELIMINARY_ASSESSMENT, everyCaseWorker, current),
                new DelegationRule(GRANT_INTERVENTION_RULE, GRANT_INTERVENTION, leaders, current),
                new DelegationRule(GRANT_INTERVENTION_RULE_2020, GRANT_INTERVENTION, Set.of(SOCIAL_SECRETARY),
                        new Validity(DELEGATION_ORDER_2020_FIRST_DAY, DELEGATION_ORDER_2020_LAST_DAY)),
                new DelegationRule(DENY_INTERVENTION_RULE, DENY_INTERVENTION, leaders, current),
                new DelegationRule(END_INTERVENTION_RULE, END_INTERVENTION, everyCaseWorker, current),
                new DelegationRule(CLOSE_CASE_RULE, CLOSE_CASE, everyCaseWorker, current));
    }
}
