package org.caseledger.api.integrity;

/** The ledger refuses to sign a case file for a case that does not verify. */
public class IntegrityBrokenException extends RuntimeException {

    private final transient VerificationReport report;

    public IntegrityBrokenException(VerificationReport report) {
        super("the case does not verify (" + report.firstProblem().kind() + ": " + report.firstProblem().detail()
                + "); the ledger signs no case file for it");
        this.report = report;
    }

    public VerificationReport report() {
        return report;
    }
}
