package org.caseledger.api.pages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.caseledger.projections.wording.Words;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.ValueProblem;
import org.springframework.stereotype.Component;

/**
 * Times as the staff read them on the pages, in Swedish local time to the minute ({@code 2026-03-24 14:06}); the
 * ledger keeps instants in UTC, which no one in the unit reads. Templates call it as {@code ${@pageTimes.minute(t)}}.
 */
@Component("pageTimes")
public class PageTimes {

    private static final int DATE_LENGTH = "yyyy-MM-dd".length();

    /** The instant to the minute in Sweden, or a dash for a time not known yet. */
    public String minute(Instant instant) {
        return Words.minute(instant);
    }

    /**
     * A moment a person typed: a date and time in Sweden ({@code 2026-03-10 13:00}, seconds optional, a {@code T} for the
     * space allowed), a date alone meaning the end of that day, or an instant with its offset ({@code 2026-03-10T12:00:00Z}).
     */
    public static Instant parse(String typed, String field) {
        String text = typed.strip();
        try {
            if (text.length() == DATE_LENGTH) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(LedgerTime.ZONE).toInstant().minusNanos(1);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(LedgerTime.ZONE).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, ValueProblem.LOCAL_TIME_FORMAT, field + " must be a date, or a date and time, in Sweden");
        }
    }

}
