package org.caseledger.core.cases;

/**
 * Who took the initiative to a contact. The office wants families to feel free to ask for support, so a contact the
 * family asked for is worth telling apart from one the office or a partner called.
 */
public enum ContactInitiator {
    FAMILY,
    OFFICE,
    PARTNER,
    /**
     * Only for contacts recorded before the ledger asked who took the initiative (revision 1 of
     * {@link ContactRecorded}); the ledger does not guess it afterwards, and a new contact may not claim it.
     */
    NOT_RECORDED
}
