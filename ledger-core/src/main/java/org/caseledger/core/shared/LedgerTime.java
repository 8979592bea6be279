package org.caseledger.core.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The law counts days in Swedish local time; this is the one place that turns an instant into such a day. */
public final class LedgerTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private LedgerTime() {
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
