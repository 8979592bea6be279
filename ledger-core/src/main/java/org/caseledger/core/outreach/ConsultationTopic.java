package org.caseledger.core.outreach;

/** What an anonymous question at the door was about; a category, never a person. */
public enum ConsultationTopic {
    PARENTING,
    SCHOOL,
    FINANCES,
    HOUSING,
    VIOLENCE,
    SUBSTANCE_USE,
    AUTHORITIES,
    HEALTH,
    OTHER
}
