package org.caseledger.projections.caseview;

import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;

/** The stored events of a case from its first, in order: what a view stored by an older fold is folded again from. */
@FunctionalInterface
public interface StoredCaseEvents {

    List<CaseEvent> of(CaseId caseId);
}
