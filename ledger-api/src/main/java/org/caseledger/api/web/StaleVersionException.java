package org.caseledger.api.web;

/** {@code If-Match} named a version of the case that is no longer the current one. */
public class StaleVersionException extends RuntimeException {

    private final Long current;

    /** @param current the current version, or null if there is nothing yet to have a version */
    public StaleVersionException(String detail, Long current) {
        super(detail);
        this.current = current;
    }

    public Long current() {
        return current;
    }
}
