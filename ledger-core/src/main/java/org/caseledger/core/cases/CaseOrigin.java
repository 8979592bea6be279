package org.caseledger.core.cases;

/** How a case came to the office. */
public enum CaseOrigin {
    REPORT_OF_CONCERN,
    APPLICATION,
    OWN_INITIATIVE
}
