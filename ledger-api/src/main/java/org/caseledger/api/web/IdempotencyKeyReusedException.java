package org.caseledger.api.web;

/** An {@code Idempotency-Key} already used by the same member of staff for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String detail) {
        super(detail);
    }
}
