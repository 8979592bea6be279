package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.UnitId;

/**
 * The case moved from one unit to another. It ends the case's assignment: the worker of the unit it left may no longer
 * read it, and the receiving unit assigns it to one of its own.
 */
@Revision("1")
public record CaseTransferred(
        CaseId caseId,
        UnitId fromUnit,
        UnitId toUnit,
        @PersonalData String reason,
        Envelope envelope) implements CaseEvent {

    public CaseTransferred {
        Require.present(caseId, "caseId");
        Require.present(fromUnit, "fromUnit");
        Require.present(toUnit, "toUnit");
        Require.present(envelope, "envelope");
    }
}
