package org.caseledger.verify.casefile;

import java.util.List;

/**
 * What verifying a case file found: the verdict, what was checked, the fingerprint of every key relied on, and every
 * problem located at its case, sequence number and global index.
 */
public record CaseFileReport(Status status, String caseId, int events, long unsealed, String checkpoint, List<String> keys,
                             List<Problem> problems) {

    public enum Status {
        INTACT, UNSEALED, BROKEN
    }

    /** One problem; {@code sequenceNumber} and {@code globalIndex} are {@code null} when it is not an event's. */
    public record Problem(String kind, Long sequenceNumber, Long globalIndex, String detail) {
    }

    public CaseFileReport {
        keys = List.copyOf(keys);
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return status == Status.INTACT;
    }

    /** 0 intact, 1 intact but some events not yet sealed, 2 broken. */
    public int exitCode() {
        return switch (status) {
            case INTACT -> 0;
            case UNSEALED -> 1;
            case BROKEN -> 2;
        };
    }

    public String describe() {
        StringBuilder text = new StringBuilder(status + ": case " + (caseId == null ? "(unknown)" : caseId) + ", " + events + " events");
        if (unsealed > 0) {
            text.append(", ").append(unsealed).append(" not yet sealed by the file's checkpoint");
        }
        if (checkpoint != null) {
            text.append("\ncheckpoint ").append(checkpoint);
        }
        keys.forEach(key -> text.append("\nkey        ").append(key));
        for (Problem problem : problems) {
            text.append("\n  ").append(problem.kind());
            if (caseId != null && (problem.sequenceNumber() != null || problem.globalIndex() != null)) {
                text.append(" in case ").append(caseId);
            }
            if (problem.sequenceNumber() != null) {
                text.append(" at event ").append(problem.sequenceNumber());
            }
            if (problem.globalIndex() != null) {
                text.append(" (global index ").append(problem.globalIndex()).append(")");
            }
            text.append(": ").append(problem.detail());
        }
        return text.toString();
    }
}
