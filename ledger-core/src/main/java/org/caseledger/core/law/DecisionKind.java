package org.caseledger.core.law;

/** The kinds of decision (beslut) a case can hold; each legal basis and delegation rule names the kinds it covers. */
public enum DecisionKind {
    OPEN_INVESTIGATION,
    DO_NOT_OPEN_INVESTIGATION,
    EXTEND_INVESTIGATION,
    /** More time for the preliminary assessment, for special reasons recorded as the decision's rationale. */
    EXTEND_PRELIMINARY_ASSESSMENT,
    CLOSE_INVESTIGATION,
    GRANT_INTERVENTION,
    DENY_INTERVENTION,
    END_INTERVENTION,
    CLOSE_CASE;

    public boolean concernsIntervention() {
        return this == GRANT_INTERVENTION || this == DENY_INTERVENTION || this == END_INTERVENTION;
    }
}
