package org.caseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Ready-made requests for the tests: persons with valid identity numbers, and cases opened on a school's report. */
public final class Fixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    private Fixtures() {
    }

    /** A valid personal identity number for a child born 2015-03-12, different on every call. */
    public static String identityNumber() {
        // a thousand serial numbers a day of birth: the next thousand are born a day later, so that no number repeats
        // in a suite that registers thousands of persons (the ledger refuses a number registered before)
        long serial = SERIAL.incrementAndGet();
        return number(java.time.LocalDate.of(2015, 3, 12).plusDays(serial / 1000), -1, serial);
    }

    /** A valid personal identity number for a person born on the day, different on every call. */
    public static String identityNumber(java.time.LocalDate born) {
        return number(born, born.getDayOfMonth());
    }

    /** A valid coordination number (samordningsnummer: the day of birth plus 60) for a person born on the day. */
    public static String coordinationNumber(java.time.LocalDate born) {
        return number(born, born.getDayOfMonth() + 60);
    }

    private static String number(java.time.LocalDate born, int dayField) {
        return number(born, dayField, SERIAL.incrementAndGet());
    }

    /** The number of a person born on the day (the day field {@code dayField}, or the day itself when negative). */
    private static String number(java.time.LocalDate born, int dayField, long serial) {
        String nine = String.format("%02d%02d%02d%03d", born.getYear() % 100, born.getMonthValue(), dayField < 0 ? born.getDayOfMonth() : dayField,
                serial % 1000);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int weighted = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return born.getYear() / 100 + nine.substring(0, 6) + "-" + nine.substring(6) + (10 - sum % 10) % 10;
    }

    public static String registerChild(LedgerHttp http) {
        LedgerHttp.Response response = http.as("anna").post("/api/v1/persons",
                Map.of("identityNumber", identityNumber(), "name", "Alva Exempel"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("personId");
    }

    /** Opens a case on a school's report of concern and answers the created case's id. */
    public static LedgerHttp.Response openCaseOnSchoolReport(LedgerHttp http, String child) {
        return http.as("anna").post("/api/v1/cases", Map.of(
                "origin", "REPORT_OF_CONCERN",
                "child", child,
                "household", UUID.randomUUID().toString(),
                "receivedAt", "2026-03-02T08:15:00Z",
                "occurredAt", "2026-03-02T08:20:00Z",
                "report", Map.of("reporterType", "SCHOOL",
                        "summary", "The class teacher is worried: Alva has come to school hungry several times.")));
    }

    /** Opens a case for a new child on a school's report received, and happened, at the instant; answers the case's id. */
    public static String openCaseReceivedAt(LedgerHttp http, String at) {
        LedgerHttp.Response opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", registerChild(http),
                "household", UUID.randomUUID().toString(), "receivedAt", at, "occurredAt", at, "report", Map.of("reporterType", "SCHOOL",
                        "summary", "Worried about the child.", "receivedAt", at, "occurredAt", at)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.field("caseId");
    }

    public static String openCase(LedgerHttp http) {
        LedgerHttp.Response response = openCaseOnSchoolReport(http, registerChild(http));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("caseId");
    }
}
