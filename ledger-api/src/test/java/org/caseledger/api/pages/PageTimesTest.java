package org.caseledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.caseledger.core.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

class PageTimesTest {

    @Test
    void aDateAloneMeansTheEndOfThatDayInSweden() {
        assertThat(PageTimes.parse("2026-03-10", "asOf")).isEqualTo(Instant.parse("2026-03-10T22:59:59.999999999Z"));
    }

    @Test
    void aDateAndTimeIsSwedishTimeInWinterAndInSummer() {
        assertThat(PageTimes.parse("2026-03-10 13:00", "asOf")).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(PageTimes.parse(" 2026-07-01T13:00:30 ", "asOf")).isEqualTo(Instant.parse("2026-07-01T11:00:30Z"));
    }

    @Test
    void anInstantWithItsOffsetIsTakenAsItIs() {
        assertThat(PageTimes.parse("2026-03-10T12:00:00Z", "asOf")).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(PageTimes.parse("2026-03-10T13:00:00+01:00", "asOf")).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> PageTimes.parse("tomorrow", "asOf")).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("asOf"));
        assertThatThrownBy(() -> PageTimes.parse("2026-13-01", "asOf")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aTimeIsShownToTheMinuteInSwedishTime() {
        assertThat(new PageTimes().minute(Instant.parse("2026-07-01T11:00:30Z"))).isEqualTo("2026-07-01 13:00");
        assertThat(new PageTimes().minute(null)).isEqualTo("–");
    }
}
