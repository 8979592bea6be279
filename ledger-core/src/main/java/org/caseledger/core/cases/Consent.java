package org.caseledger.core.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PartnerType;

/**
 * What the case knows of one consent: the named partner, the days it covers, and when it was withdrawn
 * ({@code null} while it holds), with the rules a withdrawal and a disclosure must meet as named guards. It never
 * changes: a withdrawal gives the case the next one.
 * <p>
 * Part of the case's snapshot: its components are read back through the canonical constructor, so a change of a
 * component's name, type or meaning needs a new revision of {@link Case}.
 */
record Consent(ConsentId id, PartnerType partner, String partnerName, LocalDate validFrom, LocalDate validUntil,
               Instant withdrawnAt) {

    static Consent given(ConsentId id, PartnerType partner, String partnerName, LocalDate validFrom, LocalDate validUntil) {
        return new Consent(id, partner, partnerName, validFrom, validUntil, null);
    }

    Consent withdraw(Instant at) {
        return new Consent(id, partner, partnerName, validFrom, validUntil, at);
    }

    // --- guards: each names one rule and throws with its code ---

    void assertNotWithdrawn() {
        if (withdrawnAt != null) {
            throw violation(LedgerRule.CONSENT_ALREADY_WITHDRAWN, "consent " + id + " was already withdrawn");
        }
    }

    void assertCovers(PartnerType disclosedTo, String disclosedToName, Instant moment) {
        if (!covers(disclosedTo, disclosedToName, moment)) {
            throw violation(LedgerRule.DISCLOSURE_WITHOUT_VALID_BASIS, "consent " + id
                    + " does not cover a disclosure to " + disclosedToName + " (" + disclosedTo + ") at "
                    + moment + " (it is for " + partnerName + " (" + partner + "), valid " + validFrom + " to "
                    + (validUntil == null ? "further notice" : validUntil)
                    + (withdrawnAt == null ? "" : ", withdrawn at " + withdrawnAt) + ")");
        }
    }

    /**
     * A consent covers a disclosure to the partner it names (kind and name, the name compared without regard to
     * case or surrounding spaces) on a day it is valid, and only before it was withdrawn.
     */
    private boolean covers(PartnerType disclosedTo, String disclosedToName, Instant moment) {
        LocalDate day = LedgerTime.dayOf(moment);
        return partner == disclosedTo
                && partnerName != null && disclosedToName != null && partnerName.strip().equalsIgnoreCase(disclosedToName.strip())
                && !day.isBefore(validFrom)
                && (validUntil == null || !day.isAfter(validUntil))
                && (withdrawnAt == null || moment.isBefore(withdrawnAt));
    }

    private static LedgerRuleViolation violation(LedgerRule rule, String detail) {
        return new LedgerRuleViolation(rule, detail);
    }
}
