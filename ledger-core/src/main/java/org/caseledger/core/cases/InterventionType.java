package org.caseledger.core.cases;

/** The kinds of intervention (insats) the office offers or grants. */
public enum InterventionType {
    SERVICE_SUPPORT,
    FAMILY_TREATMENT,
    CONTACT_PERSON,
    CONTACT_FAMILY,
    PARENTING_PROGRAMME,
    OPEN_CARE,
    PLACEMENT
}
