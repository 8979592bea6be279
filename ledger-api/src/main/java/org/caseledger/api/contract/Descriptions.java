package org.caseledger.api.contract;

/** Descriptions the document gives to a member of many request bodies, written once. */
public final class Descriptions {

    /**
     * Every command's optional business time; the envelope refuses one too far ahead of the server's clock (400, rule
     * {@code OCCURRED_IN_FUTURE}), the command's context one before 1900 (400, OUT_OF_RANGE).
     */
    public static final String OCCURRED_AT = "When it happened, if not when it is recorded: it may lie in the past, back to "
            + "1900-01-01 in Swedish time, but not ahead of the server's clock by more than its allowance for clock skew (a few minutes)";

    private Descriptions() {
    }
}
