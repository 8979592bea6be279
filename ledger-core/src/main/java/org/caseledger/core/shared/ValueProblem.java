package org.caseledger.core.shared;

/**
 * What is wrong with a value, as a stable code the API words in the reader's language; the facts an
 * {@link InvalidValueException} carries fill in the wording (the comment on each constant lists them in order).
 * Never rename a constant: clients may rely on the words as they were.
 */
public enum ValueProblem {
    /** No facts. */
    REQUIRED,
    /** No facts. */
    BLANK,
    /** The longest allowed length. */
    TOO_LONG,
    /** No facts. */
    CONTROL_CHARACTERS,
    /** The least and the greatest allowed value. */
    OUT_OF_RANGE,
    /** No facts. */
    NOT_NEGATIVE,
    /** The allowed values, joined by commas. */
    ONE_OF,
    /** No facts. */
    UUID_FORMAT,
    /** No facts. */
    UNIT_ID_FORMAT,
    /** No facts. */
    STAFF_ID_FORMAT,
    /** No facts. */
    CASE_NUMBER_FORMAT,
    /** No facts. */
    LEGAL_BASIS_ID_FORMAT,
    /** No facts. */
    DELEGATION_RULE_ID_FORMAT,
    /** No facts. */
    IDENTITY_NUMBER_FORMAT,
    /** No facts. */
    IDENTITY_NUMBER_CHECK_DIGIT,
    /** No facts. */
    IDENTITY_NUMBER_DATE,
    /** The other field, of which exactly one must be given. */
    EXACTLY_ONE,
    /** The other field, which must not be given as well. */
    NOT_BOTH,
    /** The field the value must not lie before. */
    NOT_BEFORE,
    /** No facts. */
    AT_LEAST_ONE,
    /** No facts. */
    REQUIRED_FOR_NEW_INTERVENTION,
    /** No facts. */
    REASON_NOT_CODED_RESERVED,
    /** No facts. */
    VERSION_FORMAT,
    /** The least and the greatest allowed tree size. */
    TREE_SIZE,
    /** The longest allowed span in years. */
    SPAN_TOO_LONG,
    /** No facts. */
    DATE_FORMAT,
    /** No facts. */
    DATE_RANGE_FORMAT,
    /** No facts: a paging cursor the ledger did not give out for this list. */
    CURSOR,
    /** No facts: a local date, or a local date and time, in Sweden. */
    LOCAL_TIME_FORMAT,
    /** No facts: a recipient's public key is an X25519 key, 32 bytes in Base64. */
    RECIPIENT_KEY_FORMAT,
    /** No facts: this ledger exports case files only to the recipients it registered. */
    SUPPLIED_KEY_NOT_ACCEPTED,
    /** The person's day of birth: a fact about a person cannot have happened before it. */
    BEFORE_BIRTH
}
