package org.caseledger.core.shared;

/** A command that would break a hard rule of the ledger; nothing is recorded. */
public class LedgerRuleViolation extends RuntimeException {

    private final LedgerRule rule;

    public LedgerRuleViolation(LedgerRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public LedgerRule rule() {
        return rule;
    }
}
