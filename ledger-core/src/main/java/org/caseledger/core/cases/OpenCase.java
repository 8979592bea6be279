package org.caseledger.core.cases;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.UnitId;

/** Open a case for one child, linked to the child's household. */
public record OpenCase(
        @TargetAggregateIdentifier CaseId caseId,
        CaseNumber caseNumber,
        UnitId unit,
        CaseOrigin origin,
        PersonId child,
        HouseholdId household,
        Instant receivedAt,
        Envelope envelope) implements CaseCommand {

    public OpenCase {
        Require.present(caseId, "caseId");
        Require.present(caseNumber, "caseNumber");
        Require.present(unit, "unit");
        Require.present(origin, "origin");
        Require.present(child, "child");
        Require.present(household, "household");
        Require.present(receivedAt, "receivedAt");
        Require.present(envelope, "envelope");
    }
}
