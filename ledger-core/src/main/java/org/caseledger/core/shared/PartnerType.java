package org.caseledger.core.shared;

/** The partners the office collaborates with (samverkan) and may disclose information to. */
public enum PartnerType {
    SCHOOL,
    PRESCHOOL,
    POLICE,
    OPEN_CARE,
    HEALTHCARE,
    CIVIL_SOCIETY,
    OTHER_SOCIAL_SERVICES,
    OTHER
}
