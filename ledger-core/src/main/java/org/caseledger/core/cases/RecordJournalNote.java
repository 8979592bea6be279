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

    public RecordJournalNote {
        Require.present(caseId, "caseId");
        Require.present(noteId, "noteId");
        Require.text(text, "text", 20000);
        Require.present(envelope, "envelope");
    }
}
