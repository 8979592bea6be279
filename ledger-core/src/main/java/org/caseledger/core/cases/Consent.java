package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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

    /** The creator a case's snapshot is read back through; the withdrawal is then set as a field. */
    @JsonCreator
    Consent(@JsonProperty("partner") PartnerType partner, @JsonProperty("partnerName") String partnerName,
            @JsonProperty("validFrom") LocalDate validFrom, @JsonProperty("validUntil") LocalDate validUntil) {
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
