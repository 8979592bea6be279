package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record a journal note (journalanteckning). */
public record RecordJournalNote(
        @TargetAggregateIdentifier CaseId caseId,
        NoteId noteId,
        String text,
        Envelope envelope) implements CaseCommand {

    /** The most characters {@code text} may have; the API's OpenAPI document states this limit. */
    public static final int TEXT_LIMIT = 20_000;

    public RecordJournalNote {
        Require.present(caseId, "caseId");
        Require.present(noteId, "noteId");
        Require.text(text, "text", TEXT_LIMIT);
        Require.present(envelope, "envelope");
    }
}
