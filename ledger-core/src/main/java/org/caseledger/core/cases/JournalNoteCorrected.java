package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** A journal note was corrected; the correction points at the original, which stays. */
@Revision("1")
public record JournalNoteCorrected(
        CaseId caseId,
        NoteId correctionId,
        NoteId originalNoteId,
        @PersonalData String text,
        @PersonalData String reason,
        Envelope envelope) implements CaseEvent {

    public JournalNoteCorrected {
        Require.present(caseId, "caseId");
        Require.present(correctionId, "correctionId");
        Require.present(originalNoteId, "originalNoteId");
        Require.present(envelope, "envelope");
    }
}
