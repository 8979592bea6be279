package org.caseledger.api.cases;

import java.util.List;
import java.util.Optional;
import org.caseledger.api.web.EventHistory;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.caseview.CaseViewRepository;
import org.springframework.stereotype.Component;

/**
 * Reads a case. The view comes from the projection when it has caught up with the case's stream; right
 * after a write it may not have, and then the same fold is run over the stored events, so a client always
 * reads what it just wrote.
 */
@Component
class CaseReader {

    private static final String KIND = "case";

    private final EventHistory history;
    private final CaseViewRepository views;

    CaseReader(EventHistory history, CaseViewRepository views) {
        this.history = history;
        this.views = views;
    }

    CaseView view(CaseId caseId) {
        long current = history.version(caseId, KIND);
        Optional<CaseView> stored = views.find(caseId);
        if (stored.isPresent() && stored.get().version == current) {
            return stored.get();
        }
        return CaseViewFold.fold(history.events(caseId).stream().map(CaseEvent.class::cast).toList());
    }

    List<EventHistory.Entry> history(CaseId caseId) {
        return history.entries(caseId, KIND);
    }
}
