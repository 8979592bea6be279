package org.caseledger.projections.timeline;

import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.projections.laterecording.LateRecording;

/**
 * The words of a timeline in one reader's language: the timeline decides which events make entries and how they link,
 * the presentation words each of them, so one fact reads right in Swedish and in English.
 */
public interface TimelineWording {

    /** What the event says happened, as one sentence with the facts it carries. */
    String what(CaseEvent event);

    /** The provision a decision or a disclosure rests on, as a lawyer writes it. */
    String legalBasis(LegalBasisId basis);

    /** That a fact was recorded long after it happened, how long, and which misses it turned into passes. */
    String recordedLate(LateRecording late);

    /** That a fact happened so many days before its case was received. */
    String beforeReceipt(long daysBefore);
}
