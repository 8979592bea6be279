package org.caseledger.core.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PartnerType;

/** What the case knows of one consent: the partner, the days it covers, and when it was withdrawn. */
final class Consent {

    final PartnerType partner;
    final LocalDate validFrom;
    final LocalDate validUntil;
    Instant withdrawnAt;

    Consent(PartnerType partner, LocalDate validFrom, LocalDate validUntil) {
        this.partner = partner;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    /** A consent covers a disclosure to its own partner on a day it is valid, and only before it was withdrawn. */
    boolean covers(PartnerType disclosedTo, Instant moment) {
        LocalDate day = LedgerTime.dayOf(moment);
        return partner == disclosedTo
                && !day.isBefore(validFrom)
                && (validUntil == null || !day.isAfter(validUntil))
                && (withdrawnAt == null || moment.isBefore(withdrawnAt));
    }
}
