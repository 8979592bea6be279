package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Correct a journal note (rättelse); the original stays readable. */
public record CorrectJournalNote(
        @TargetAggregateIdentifier CaseId caseId,
        NoteId correctionId,
        NoteId originalNoteId,
        String text,
        String reason,
        Envelope envelope) implements CaseCommand {

    public CorrectJournalNote {
        Require.present(caseId, "caseId");
        Require.present(correctionId, "correctionId");
        Require.present(originalNoteId, "originalNoteId");
        Require.text(text, "text", 20000);
        Require.text(reason, "reason", 2000);
        Require.present(envelope, "envelope");
    }
}
