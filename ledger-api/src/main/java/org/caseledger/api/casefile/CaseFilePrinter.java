package org.caseledger.api.casefile;

import java.util.List;
import org.caseledger.api.integrity.CaseFileExporter;
import org.caseledger.api.integrity.SigningKey;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.EventHistory;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.core.law.LegalFramework;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints a case file: the signed case file of the verifiable export, and the case's events read through the event
 * serializer for the readable part, both in one snapshot of the database; then the PDF, with no connection held.
 */
@Component
class CaseFilePrinter {

    private final CaseFileExporter exporter;
    private final EventHistory history;
    private final LegalFramework law;
    private final SigningKey signingKey;
    private final CaseFilePdf pdf;
    private final TransactionTemplate snapshot;

    CaseFilePrinter(CaseFileExporter exporter, EventHistory history, LegalFramework law, SigningKey signingKey, CaseFilePdf pdf,
                    PlatformTransactionManager transactions) {
        this.exporter = exporter;
        this.history = history;
        this.law = law;
        this.signingKey = signingKey;
        this.pdf = pdf;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    byte[] print(CaseId caseId, StaffUser exportedBy) {
        CaseFileContents contents = snapshot.execute(status -> {
            CaseFileExporter.Export export = exporter.exportFile(caseId.toString());
            List<CaseEvent> events = history.events(caseId).stream().map(CaseEvent.class::cast).toList();
            return CaseFileContents.of(export.json(), export.file(), events, law::find, describe(exportedBy),
                    Ed25519.toPem(signingKey.publicKey()), export.keyFingerprint());
        });
        return pdf.render(contents);
    }

    private static String describe(StaffUser staff) {
        return staff.staffId().value() + " (" + CaseFileContents.words(staff.role().name()) + ", " + staff.unit().value() + ")";
    }
}
