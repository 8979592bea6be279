package org.caseledger.api.web;

/** {@code If-Match} named a version of the case that is no longer the current one. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String detail) {
        super(detail);
    }
}
