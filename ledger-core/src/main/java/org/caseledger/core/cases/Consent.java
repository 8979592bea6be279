package org.caseledger.core.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PartnerType;

/** What the case knows of one consent: the named partner, the days it covers, and when it was withdrawn. */
final class Consent {

    final PartnerType partner;
    final String partnerName;
    final LocalDate validFrom;
    final LocalDate validUntil;
    Instant withdrawnAt;

    Consent(PartnerType partner, String partnerName, LocalDate validFrom, LocalDate validUntil) {
        this.partner = partner;
        this.partnerName = partnerName;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    /**
     * A consent covers a disclosure to the partner it names (kind and name, the name compared without regard to
     * case or surrounding spaces) on a day it is valid, and only before it was withdrawn.
     */
    boolean covers(PartnerType disclosedTo, String disclosedToName, Instant moment) {
        LocalDate day = LedgerTime.dayOf(moment);
        return partner == disclosedTo
                && partnerName != null && disclosedToName != null && partnerName.strip().equalsIgnoreCase(disclosedToName.strip())
                && !day.isBefore(validFrom)
                && (validUntil == null || !day.isAfter(validUntil))
                && (withdrawnAt == null || moment.isBefore(withdrawnAt));
    }
}
