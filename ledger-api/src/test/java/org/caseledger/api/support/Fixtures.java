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
        String nine = "150312" + String.format("%03d", SERIAL.incrementAndGet() % 1000);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int weighted = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return "20" + nine.substring(0, 6) + "-" + nine.substring(6) + (10 - sum % 10) % 10;
    }

    public static String registerChild(LedgerHttp http) {
        LedgerHttp.Response response = http.as("anna").post("/api/persons",
                Map.of("identityNumber", identityNumber(), "name", "Alva Exempel"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("personId");
    }

    /** Opens a case on a school's report of concern and answers the created case's id. */
    public static LedgerHttp.Response openCaseOnSchoolReport(LedgerHttp http, String child) {
        return http.as("anna").post("/api/cases", Map.of(
                "origin", "REPORT_OF_CONCERN",
                "child", child,
                "household", UUID.randomUUID().toString(),
                "receivedAt", "2026-03-02T08:15:00Z",
                "occurredAt", "2026-03-02T08:20:00Z",
                "report", Map.of("reporterType", "SCHOOL",
                        "summary", "The class teacher is worried: Alva has come to school hungry several times.")));
    }

    public static String openCase(LedgerHttp http) {
        LedgerHttp.Response response = openCaseOnSchoolReport(http, registerChild(http));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("caseId");
    }
}
