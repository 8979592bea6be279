package org.caseledger.api.projections;

import java.util.List;
import org.caseledger.api.web.EventHistory;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.projections.caseview.StoredCaseEvents;
import org.springframework.stereotype.Component;

/** A case's events as the event store holds them (upcast, personal data sealed), for the read models' processor. */
@Component
class StoredCaseEventsFromHistory implements StoredCaseEvents {

    private final EventHistory history;

    StoredCaseEventsFromHistory(EventHistory history) {
        this.history = history;
    }

    @Override
    public List<CaseEvent> of(CaseId caseId) {
        return history.events(caseId).stream().map(CaseEvent.class::cast).toList();
    }
}
