package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo history — every kind of event, written through the aggregates, across units, years and staff —
 * rebuilt by replay in large batches gives exactly the read models that live processing built event by event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.demo-data.events=5000")
@DirtiesContext
class DemoRebuildIT {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.another().registerIn(registry);
    }

    @Test
    void aRebuildOfTheDemoHistoryEqualsTheLiveReadModelsRowForRow() {
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));
        String live = ReadModels.digest(jdbc);
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        long kinds = jdbc.sql("SELECT count(DISTINCT payload_type) FROM domain_event_entry").query(Long.class).single();

        ReadModels.rebuild(http);
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));

        assertThat(events).as("the demo history is about the size asked for").isBetween(4_000L, 6_000L);
        assertThat(kinds).as("kinds of event in the demo history").isGreaterThanOrEqualTo(20);
        assertThat(ReadModels.digest(jdbc)).isEqualTo(live);
    }
}
