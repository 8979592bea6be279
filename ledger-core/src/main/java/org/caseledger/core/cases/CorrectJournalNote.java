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

    /** The most characters {@code text} may have; the API's OpenAPI document states this limit. */
    public static final int TEXT_LIMIT = 20_000;

    /** The most characters {@code reason} may have; the API's OpenAPI document states this limit. */
    public static final int REASON_LIMIT = 2000;

    public CorrectJournalNote {
        Require.present(caseId, "caseId");
        Require.present(correctionId, "correctionId");
        Require.present(originalNoteId, "originalNoteId");
        Require.text(text, "text", TEXT_LIMIT);
        Require.text(reason, "reason", REASON_LIMIT);
        Require.present(envelope, "envelope");
    }
}
