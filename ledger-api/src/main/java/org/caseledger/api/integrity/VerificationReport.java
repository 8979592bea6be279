package org.caseledger.api.integrity;

import java.util.List;

/**
 * The outcome of a verification: its {@link VerificationStatus}, with the first problem located and the first problems
 * found listed.
 */
public record VerificationReport(VerificationStatus status, String scope, long eventsChecked, long checkpointsChecked,
                                 Long firstGlobalIndex, Long lastGlobalIndex, Long lastSealedGlobalIndex,
                                 long unsealedEvents, Problem firstProblem, List<Problem> problems) {

    /** One finding, located as precisely as the evidence allows. */
    public record Problem(BreakKind kind, String aggregateId, Long sequenceNumber, Long globalIndex, Long checkpoint,
                          String detail) {
    }

    public boolean intact() {
        return status == VerificationStatus.INTACT;
    }

    public boolean broken() {
        return status == VerificationStatus.BROKEN;
    }
}
