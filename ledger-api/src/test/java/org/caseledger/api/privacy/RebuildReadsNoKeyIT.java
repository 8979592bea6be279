package org.caseledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The read models hold personal data sealed, as the events do, and open it only to answer: so rebuilding every read
 * model reads no key and decrypts nothing. Shown from outside: a ledger node in a process of its own, keeping no key in
 * memory (key cache time zero), rebuilds its read models and its access index while the test holds the {@code data_key}
 * table locked against every reader. Any key the rebuild needed would wait on that lock until the test gave up.
 */
class RebuildReadsNoKeyIT {

    private static final Duration REBUILT_WITHIN = Duration.ofSeconds(60);

    private final TestDatabase.Database database = TestDatabase.another();
    private final String mark = "RK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private LedgerNode node;

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.kill();
        }
    }

    @Test
    void givenReadModelsWithPersonalTextWhenEveryReadModelIsRebuiltWhileNoKeyCanBeReadThenTheRebuildEqualsTheLiveReadModels()
            throws Exception {
        // Given a case file with personal text in its report, a note and a decision, and an erased person's case file
        node = LedgerNode.start("rebuild-no-key", LedgerNode.freePort(), database, "rebuild-no-key-keys",
                "--ledger.privacy.key-cache-time=PT0S");
        LedgerHttp http = node.http();
        String child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Saga " + mark))
                .field("personId");
        String caseId = caseWithPersonalText(http, child, mark);
        String erasedChild = Fixtures.registerChild(http);
        caseWithPersonalText(http, erasedChild, mark);
        LedgerHttp.Response erased = http.as("lars").post("/api/v1/persons/" + erasedChild + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        ReadModels.awaitCaughtUp(http, REBUILT_WITHIN);
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        assertThat(jdbc.sql("SELECT document::text FROM case_view WHERE case_id = ?::uuid").param(caseId).query(String.class).single())
                .as("the stored view holds the texts sealed").doesNotContain(mark).contains("pdr1:");
        assertThat(http.as("anna").get("/api/v1/cases/" + caseId).text()).as("the answer opens them").contains(mark);
        String live = everyReadModel(jdbc);

        try (Connection locking = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            locking.setAutoCommit(false);
            try (Statement statement = locking.createStatement()) {
                statement.execute("LOCK TABLE data_key IN ACCESS EXCLUSIVE MODE");
            }

            // When the access index and the read models are rebuilt while no key can be read
            LedgerHttp.Response accessIndex = http.as("eva").post("/api/v1/admin/access-index/rebuild", Map.of());
            assertThat(accessIndex.status()).as(accessIndex.toString()).isEqualTo(200);
            ReadModels.rebuild(http);
            ReadModels.awaitCaughtUp(http, REBUILT_WITHIN);

            // Then they were rebuilt without one, and equal the live read models row for row
            assertThat(everyReadModel(jdbc)).as("every read model after the rebuild").isEqualTo(live);
            locking.rollback();
        }
        assertThat(http.as("anna").get("/api/v1/cases/" + caseId).text()).as("answers open the texts again").contains(mark);
    }

    private static String caseWithPersonalText(LedgerHttp http, String child, String mark) {
        String caseId = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "Bruises on " + mark + "."))).field("caseId");
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Home visit to " + mark + ".")).status())
                .isEqualTo(201);
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/decisions", Map.of("kind", "OPEN_INVESTIGATION",
                "legalBasis", "SFS2025:400-20kap2", "rationale", "A report about " + mark + ".")).status()).isEqualTo(201);
        return caseId;
    }

    /** The read models' digest, and the access index's tables row for row. */
    private static String everyReadModel(JdbcClient jdbc) {
        return ReadModels.digest(jdbc) + jdbc.sql("""
                SELECT (SELECT md5(coalesce(string_agg(a::text, ',' ORDER BY a.case_id), '')) FROM case_access a)
                    || (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY p.person_id), '')) FROM person_access p)
                    || (SELECT md5(coalesce(string_agg(h::text, ',' ORDER BY h.household_id), '')) FROM household_activity h)
                    || (SELECT md5(coalesce(string_agg(c::text, ',' ORDER BY c.case_id, c.person_id), '')) FROM case_person c)
                """).query(String.class).single();
    }
}
