package org.caseledger.core.person;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.UnitId;

/**
 * Erase a person whose retention period has ended (gallring), or who asked to be erased.
 *
 * @param otherUnits the units besides the actor's that hold case files of the person: each must have approved
 */
public record ErasePerson(
        @TargetAggregateIdentifier PersonId personId,
        String reason,
        Set<UnitId> otherUnits,
        Envelope envelope) implements PersonCommand {

    public ErasePerson {
        Require.present(personId, "personId");
        Require.text(reason, "reason", 2000);
        otherUnits = otherUnits == null ? Set.of() : Set.copyOf(otherUnits);
        Require.present(envelope, "envelope");
    }

    /** The erasure of a person whose case files the actor's unit alone holds. */
    public ErasePerson(PersonId personId, String reason, Envelope envelope) {
        this(personId, reason, Set.of(), envelope);
    }
}
