package org.caseledger.api.projections;

/** A rebuild that could not start because other nodes hold the read models' segments; nothing was reset. */
public class RebuildRefusedException extends RuntimeException {

    public RebuildRefusedException(String message) {
        super(message);
    }
}
