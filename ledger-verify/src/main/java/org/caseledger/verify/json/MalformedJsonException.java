package org.caseledger.verify.json;

/** Text that is not JSON as RFC 8259 defines it, or that exceeds the reader's limits; the message says where. */
public final class MalformedJsonException extends Exception {

    public MalformedJsonException(String message) {
        super(message);
    }
}
