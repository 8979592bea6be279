package org.caseledger.core.outreach;

/** Practical support and service given without a needs assessment (serviceinsats). */
public enum ServiceSupportKind {
    HELP_WITH_AUTHORITIES,
    TRANSPORT,
    FORMS_AND_LETTERS,
    INTERPRETING,
    ADVICE,
    OTHER
}
