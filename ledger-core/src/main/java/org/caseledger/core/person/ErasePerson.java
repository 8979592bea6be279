package org.caseledger.core.person;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.UnitId;
import org.caseledger.core.shared.ValueProblem;

/**
 * Erase a person whose retention period has ended (gallring), or who is to be erased for another of the
 * {@link ErasureReason reasons}.
 *
 * @param note       optional free text about the reason; stored encrypted under the year's key
 * @param otherUnits the units besides the actor's that hold case files of the person: each must have approved
 */
public record ErasePerson(
        @TargetAggregateIdentifier PersonId personId,
        ErasureReason reason,
        String note,
        Set<UnitId> otherUnits,
        Envelope envelope) implements PersonCommand {

    /** The most characters {@code note} may have; the API's OpenAPI document states this limit. */
    public static final int NOTE_LIMIT = 2000;

    public ErasePerson {
        Require.present(personId, "personId");
        Require.present(reason, "reason");
        if (reason == ErasureReason.NOT_CODED) {
            throw new InvalidValueException("reason", ValueProblem.REASON_NOT_CODED_RESERVED,
                    "reason NOT_CODED is only for erasures recorded before reasons were codes");
        }
        if (note != null) {
            Require.text(note, "note", NOTE_LIMIT);
        }
        otherUnits = otherUnits == null ? Set.of() : Set.copyOf(otherUnits);
        Require.present(envelope, "envelope");
    }

    /** The erasure of a person whose case files the actor's unit alone holds. */
    public ErasePerson(PersonId personId, ErasureReason reason, Envelope envelope) {
        this(personId, reason, null, Set.of(), envelope);
    }
}
