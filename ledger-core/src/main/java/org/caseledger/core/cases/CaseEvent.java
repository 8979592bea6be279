package org.caseledger.core.cases;

import org.caseledger.core.shared.LedgerEvent;

/**
 * A fact about one case; its stream is the case's history. Sealed, so that the kinds of fact are one list: a test
 * (EveryCaseEventIsHandledTest) checks that the aggregate, the case view's fold, the timeline's words, the metrics and
 * the access index each decide what a kind of fact means to them.
 */
public sealed interface CaseEvent extends LedgerEvent
        permits CaseAssigned, CaseClosed, CaseOpened, CaseTransferred, ChildHeard, ChildNotHeardReasonRecorded, ConsentGiven,
        ConsentWithdrawn, ContactRecorded, DecisionMade, InformationDisclosed, InterventionAccepted, InterventionDeclined,
        InterventionEnded, InterventionFollowedUp, InterventionOffered, InterventionStarted, JournalNoteCorrected,
        JournalNoteRecorded, ProtectionAssessed, ReportOfConcernReceived, VisitBooked, VisitCancelled, VisitHeld, VisitMissed {

    CaseId caseId();
}
