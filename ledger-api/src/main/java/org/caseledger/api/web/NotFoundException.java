package org.caseledger.api.web;

/** The addressed resource does not exist (or is not visible to the caller). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
