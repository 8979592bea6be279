package org.caseledger.kit.replay;

import org.caseledger.verify.casefile.CaseFileReport;
import org.caseledger.verify.casefile.CaseFileVerifier;

/**
 * A case file the independent verifier found intact (or intact with events not yet sealed): the only way in to a
 * replay, so that nothing of a file that does not verify is ever read, decrypted or shown.
 */
public final class VerifiedCaseFile {

    /** The file did not verify: nothing in it is shown. */
    public static final class Refused extends Exception {

        private final transient CaseFileReport report;

        Refused(CaseFileReport report) {
            super(report.describe());
            this.report = report;
        }

        public CaseFileReport report() {
            return report;
        }
    }

    private final byte[] bytes;
    private final CaseFileReport report;

    private VerifiedCaseFile(byte[] bytes, CaseFileReport report) {
        this.bytes = bytes;
        this.report = report;
    }

    public static VerifiedCaseFile verify(byte[] file, CaseFileVerifier verifier, byte[] trustedCheckpoint) throws Refused {
        byte[] copy = file.clone();
        CaseFileReport report = verifier.verify(copy, trustedCheckpoint);
        if (report.status() == CaseFileReport.Status.BROKEN) {
            throw new Refused(report);
        }
        return new VerifiedCaseFile(copy, report);
    }

    byte[] bytes() {
        return bytes;
    }

    public CaseFileReport report() {
        return report;
    }
}
