package org.caseledger.core.cases;

/** Who cancelled a booked visit: the family or the office. */
public enum CancelledBy {
    FAMILY,
    OFFICE
}
