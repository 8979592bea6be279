package org.caseledger.api.integrity;

import java.util.List;

/**
 * The outcome of a verification: {@code INTACT} when every event and checkpoint checked out and every event is
 * sealed, {@code UNSEALED} when the only finding is events after the last checkpoint, else {@code BROKEN}, with
 * the first problem located and the first problems found listed.
 */
public record VerificationReport(String status, String scope, long eventsChecked, long checkpointsChecked,
                                 Long firstGlobalIndex, Long lastGlobalIndex, Long lastSealedGlobalIndex,
                                 long unsealedEvents, Problem firstProblem, List<Problem> problems) {

    /** One finding, located as precisely as the evidence allows. */
    public record Problem(BreakKind kind, String aggregateId, Long sequenceNumber, Long globalIndex, Long checkpoint,
                          String detail) {
    }

    public boolean intact() {
        return "INTACT".equals(status);
    }
}
