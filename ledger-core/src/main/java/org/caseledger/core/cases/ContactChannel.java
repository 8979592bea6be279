package org.caseledger.core.cases;

/** How a contact with the family or a partner took place. */
public enum ContactChannel {
    PHONE,
    HOME_VISIT,
    OFFICE_VISIT,
    SCHOOL_MEETING,
    COLLABORATION_MEETING,
    DIGITAL
}
