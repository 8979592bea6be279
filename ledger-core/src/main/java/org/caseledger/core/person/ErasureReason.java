package org.caseledger.core.person;

/**
 * Why a person was erased: a closed set of codes, so that the ledger keeps the reason forever without keeping any text
 * about the person (docs/privacy.md, "Erasure reasons"). Free text, where one is needed, goes in the erasure's note.
 */
public enum ErasureReason {
    /** The retention period of the person's case files ended (gallring, SoL and the municipality's retention rules). */
    RETENTION,
    /** The person's own request to be erased was granted (GDPR art. 17). */
    DATA_SUBJECT_REQUEST,
    /** A court's judgment or decision orders the data erased. */
    COURT_ORDER,
    /** The supervisory authority (IMY) ordered the data erased (GDPR art. 58.2 g). */
    SUPERVISORY_AUTHORITY_ORDER,
    /** The person was registered by mistake: the wrong person, or twice. */
    REGISTERED_IN_ERROR,
    /** Erased before reasons were codes; the reason then given is not shown (see the upcaster of PersonErased). */
    NOT_CODED
}
