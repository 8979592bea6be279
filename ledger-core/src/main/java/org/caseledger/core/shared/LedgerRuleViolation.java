package org.caseledger.core.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A command that would break a hard rule of the ledger; nothing is recorded. The message is English, for logs and
 * tests; the facts are the values a reader needs to see what was refused (the API words them in the reader's language).
 */
public class LedgerRuleViolation extends RuntimeException {

    private final LedgerRule rule;
    private final transient List<Object> facts;

    public LedgerRuleViolation(LedgerRule rule, String detail, Object... facts) {
        super(detail);
        this.rule = rule;
        // A fact may be unknown (null); the wording then says less, it does not fail.
        this.facts = Collections.unmodifiableList(Arrays.asList(facts.clone()));
    }

    public LedgerRule rule() {
        return rule;
    }

    public List<Object> facts() {
        return facts;
    }
}
