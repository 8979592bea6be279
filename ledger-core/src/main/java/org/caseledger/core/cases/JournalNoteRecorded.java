package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** A journal note was recorded; its text is personal data. */
@Revision("1")
public record JournalNoteRecorded(
        CaseId caseId,
        NoteId noteId,
        @PersonalData String text,
        Envelope envelope) implements CaseEvent {

    public JournalNoteRecorded {
        Require.present(caseId, "caseId");
        Require.present(noteId, "noteId");
        Require.present(envelope, "envelope");
    }
}
