package org.caseledger.api.cases;

import java.time.Instant;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.shared.LedgerTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Hands out case numbers: the year the case was registered, in Swedish time, and a serial from the database. */
@Component
class CaseNumbers {

    private final JdbcClient jdbc;

    CaseNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CaseNumber next(Instant registeredAt) {
        long serial = jdbc.sql("SELECT nextval('case_number_serial')").query(Long.class).single();
        return CaseNumber.of(String.format("%d-%05d", LedgerTime.dayOf(registeredAt).getYear(), serial));
    }
}
