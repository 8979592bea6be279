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

    /** The most characters {@code reason} may have; the API's OpenAPI document states this limit. */
    public static final int REASON_LIMIT = 2000;

    public TransferCase {
        Require.present(caseId, "caseId");
        Require.present(toUnit, "toUnit");
        Require.text(reason, "reason", REASON_LIMIT);
        Require.present(envelope, "envelope");
    }
}
