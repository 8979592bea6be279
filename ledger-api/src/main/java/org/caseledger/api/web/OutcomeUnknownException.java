package org.caseledger.api.web;

/**
 * The connection to the database was lost after the commands were carried out, while their transaction was being
 * committed: the write may be stored or not, and the ledger cannot tell. Answered as such (503), never as "nothing was
 * recorded"; a retry with the same Idempotency-Key then answers from what was stored.
 */
public class OutcomeUnknownException extends RuntimeException {

    public OutcomeUnknownException(Throwable cause) {
        super("the connection was lost while the transaction was being committed", cause);
    }
}
