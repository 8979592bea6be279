package org.caseledger.projections.compliance;

/** The rules of DESIGN.md that the ledger reports on; each is defined in docs/metrics.md. */
public enum ComplianceRule {
    PROTECTION_ASSESSMENT_IN_TIME,
    PRELIMINARY_ASSESSMENT_IN_14_DAYS,
    INVESTIGATION_IN_4_MONTHS,
    CHILD_HEARD,
    DECISION_LAWFUL,
    APPEAL_INFORMATION_GIVEN,
    DISCLOSURE_WITH_VALID_BASIS,
    JOURNAL_WITHOUT_DELAY
}
