package org.caseledger.api.pages;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.caseledger.core.shared.LedgerTime;
import org.springframework.stereotype.Component;

/**
 * Times as the staff read them on the pages, in Swedish local time to the minute ({@code 2026-03-24 14:06}); the
 * ledger keeps instants in UTC, which no one in the unit reads. Templates call it as {@code ${@pageTimes.minute(t)}}.
 */
@Component("pageTimes")
public class PageTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LedgerTime.ZONE);

    /** The instant to the minute in Sweden, or a dash for a time not known yet. */
    public String minute(Instant instant) {
        return instant == null ? "–" : MINUTE.format(instant);
    }
}
