package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.UnitId;

/** Transfer the case to another unit, e.g. from the central reception to a local office. */
public record TransferCase(
        @TargetAggregateIdentifier CaseId caseId,
        UnitId toUnit,
        String reason,
        Envelope envelope) implements CaseCommand {

    public TransferCase {
        Require.present(caseId, "caseId");
        Require.present(toUnit, "toUnit");
        Require.text(reason, "reason", 2000);
        Require.present(envelope, "envelope");
    }
}
