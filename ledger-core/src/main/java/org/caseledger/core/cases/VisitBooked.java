package org.caseledger.core.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** A visit was booked. */
@Revision("1")
public record VisitBooked(
        CaseId caseId,
        VisitId visitId,
        Instant plannedAt,
        VisitPlace place,
        Envelope envelope) implements CaseEvent {

    public VisitBooked {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(plannedAt, "plannedAt");
        Require.present(place, "place");
        Require.present(envelope, "envelope");
    }
}
