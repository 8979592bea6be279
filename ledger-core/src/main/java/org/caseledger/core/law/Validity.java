package org.caseledger.core.law;

import java.time.LocalDate;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/**
 * The days a rule of law is in force: from {@code validFrom} through {@code validTo}, both included;
 * an open end ({@code validTo == null}) means still in force.
 */
public record Validity(LocalDate validFrom, LocalDate validTo) {

    public Validity {
        Require.present(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new InvalidValueException("validTo", ValueProblem.NOT_BEFORE, "validTo " + validTo + " lies before validFrom " + validFrom,
                    "validFrom");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
