package org.caseledger.core.cases;

import java.util.Set;

/**
 * Which facts of a case may be dated before the case was received. The documentation duty (SoL 2001:453 11 kap. 5 §,
 * carried into SoL 2025:400) covers the actions and the facts of significance for the child, including the
 * contacts that led to the report and what the office already knew when it came: a contact and a journal note may be
 * dated earlier, and the timeline says so. Everything else happens in the case and on its behalf — an assessment of a
 * report, a decision, a hearing, a visit, an intervention, a consent or a disclosure, an assignment, a transfer, a
 * closing, a correction of a note — and no statutory time runs before the case was received.
 */
final class FactsBeforeReceipt {

    private static final Set<Class<? extends CaseCommand>> MAY_PREDATE_THE_CASE = Set.of(RecordContact.class, RecordJournalNote.class);

    private FactsBeforeReceipt() {
    }

    static boolean mayPredateTheCase(CaseCommand command) {
        return MAY_PREDATE_THE_CASE.contains(command.getClass());
    }
}
