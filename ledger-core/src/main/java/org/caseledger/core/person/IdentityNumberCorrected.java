package org.caseledger.core.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/**
 * The person's identity number was corrected or given in place of a reserve number, and why. The number and the reason
 * are personal data; the day of the month of birth is kept in the clear, as at registration, for retention.
 */
@Revision("1")
public record IdentityNumberCorrected(
        PersonId personId,
        @PersonalData PersonalIdentityNumber identityNumber,
        Integer birthDayOfMonth,
        @PersonalData String reason,
        Envelope envelope) implements PersonEvent {

    @JsonCreator
    public IdentityNumberCorrected {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
        if (identityNumber != null) {
            birthDayOfMonth = identityNumber.birthDate().getDayOfMonth();
        }
    }

    public IdentityNumberCorrected(PersonId personId, PersonalIdentityNumber identityNumber, String reason, Envelope envelope) {
        this(personId, identityNumber, null, reason, envelope);
    }
}
