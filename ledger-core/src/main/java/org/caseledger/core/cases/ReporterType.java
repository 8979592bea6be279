package org.caseledger.core.cases;

/** Who made a report of concern (orosanmälan). */
public enum ReporterType {
    SCHOOL,
    PRESCHOOL,
    POLICE,
    HEALTHCARE,
    OTHER_SOCIAL_SERVICES,
    RELATIVE,
    ANONYMOUS,
    THE_CHILD,
    OTHER
}
