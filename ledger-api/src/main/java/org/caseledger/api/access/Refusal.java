package org.caseledger.api.access;

/**
 * Why the access policy refuses a member of staff, as a stable code; the API words it in the reader's language
 * ({@code refusal.<CODE>} in the message bundles). The description is English, for logs and tests.
 */
public enum Refusal {
    AUDITORS_DO_NOT_WRITE("auditors read the ledger and write nothing"),
    EXPORT_FOR_REVIEWERS("the signed case file is exported by auditors and the unit head"),
    ADMINISTRATOR_READS_NO_CASES("the administrator reads no case content"),
    NOT_YOUR_UNIT("the unit is not your unit"),
    ADMINISTRATOR_READS_NO_RECORDS("the administrator reads no one's record"),
    PERSON_IN_NO_READABLE_FILE("the person is in no case file you may read"),
    PERSON_OF_ANOTHER_UNIT("the person was registered by another unit and is in no case file you may read"),
    PERSON_PROTECTED("the person has a protected identity: only the unit head and the one who registered them have access"),
    PERSON_NOT_IN_YOUR_UNIT("the person is in no case file of your unit"),
    HOUSEHOLD_OF_ANOTHER_UNIT("the household is in case files you may not act on: the unit holding them registers its members"),
    CASE_OF_ANOTHER_UNIT("the case belongs to another unit"),
    CASE_PROTECTED("the case concerns a person with a protected identity: only the assigned case worker, the unit head and "
            + "auditors have access"),
    // households
    HOUSEHOLD_NOT_READABLE("the household has no case file, member or outreach activity you may read");

    private final String description;

    Refusal(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
