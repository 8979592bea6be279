package org.caseledger.api.integrity;

import java.util.Map;
import org.caseledger.api.problems.ProblemException;
import org.caseledger.api.problems.ProblemProperties;
import org.caseledger.api.problems.ProblemType;

/** The ledger refuses to sign a case file for a case that does not verify: answered with the verification report. */
public class IntegrityBrokenException extends ProblemException implements ProblemProperties {

    private final transient VerificationReport report;

    public IntegrityBrokenException(VerificationReport report) {
        super(ProblemType.INTEGRITY_BROKEN, "the case does not verify (" + report.firstProblem().kind() + ": "
                + report.firstProblem().detail() + "); the ledger signs no case file for it");
        this.report = report;
    }

    public VerificationReport report() {
        return report;
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("verification", report);
    }
}
