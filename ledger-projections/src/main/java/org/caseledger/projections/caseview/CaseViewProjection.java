package org.caseledger.projections.caseview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.caseledger.core.cases.CaseEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the case view table up to date from a streaming event processor. Each event loads the stored
 * view, folds the event in and stores it again, in the processor's transaction together with its token.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class CaseViewProjection {

    public static final String PROCESSING_GROUP = "case-view";

    private final CaseViewRepository repository;

    public CaseViewProjection(CaseViewRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequenceNumber) {
        CaseView view = repository.find(event.caseId()).orElseGet(CaseView::new);
        if (sequenceNumber <= view.version) {
            return;
        }
        repository.save(CaseViewFold.apply(view, event, sequenceNumber));
    }

    @ResetHandler
    void onReset() {
        repository.deleteAll();
    }
}
