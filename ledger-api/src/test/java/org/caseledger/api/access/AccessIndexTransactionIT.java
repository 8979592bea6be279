package org.caseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.caseledger.api.support.AccessIndexFailureProbe;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access index is written with the events or not at all: a handler of its group that fails, with an error the
 * database knows nothing of, fails the command, and neither the events nor anything written for them are stored.
 */
class AccessIndexTransactionIT extends IntegrationTest {

    @Autowired
    private AccessIndexFailureProbe probe;

    @Test
    void givenAnAccessIndexHandlerThatFailsWhenACaseIsOpenedThenTheCommandFailsAndNothingIsStored() {
        // a time no other test's report has: the probe fails on the case whose report was received then
        Instant marker = Instant.parse("2019-06-01T00:00:00Z").plusMillis(ThreadLocalRandom.current().nextLong(1, 86_400_000L * 365));
        String child = Fixtures.registerChild(http);
        long eventsBefore = storedEvents();
        probe.failOn(marker);
        Response opened;
        try {
            opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                    "household", UUID.randomUUID().toString(), "receivedAt", marker.toString(),
                    "report", Map.of("reporterType", "SCHOOL", "summary", "A report the access index fails on.")));
        } finally {
            probe.heal();
        }

        assertThat(opened.status()).as(opened.toString()).isEqualTo(500);
        assertThat(opened.json().path("detail").asString()).as("the answer says nothing was recorded").isNotBlank();
        assertThat(probe.committedWrites(marker)).as("rows the failing handler wrote that were committed").isZero();
        assertThat(storedEvents()).as("events stored by the failed command").isEqualTo(eventsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM case_access WHERE opened_at = ?").param(java.sql.Timestamp.from(marker))
                .query(Long.class).single()).as("access rows of the failed opening").isZero();

        Response again = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", marker.toString(),
                "report", Map.of("reporterType", "SCHOOL", "summary", "The same report, the index working.")));
        assertThat(again.status()).as("the same command once the index works").isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM case_access WHERE case_id = ?::uuid").param(again.field("caseId")).query(Long.class).single())
                .isEqualTo(1);
    }
}
