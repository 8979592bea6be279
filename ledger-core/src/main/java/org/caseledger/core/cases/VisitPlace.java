package org.caseledger.core.cases;

/** Where a booked visit is to take place. */
public enum VisitPlace {
    HOME,
    OFFICE,
    SCHOOL,
    OTHER
}
