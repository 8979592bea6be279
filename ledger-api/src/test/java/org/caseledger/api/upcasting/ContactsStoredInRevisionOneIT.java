package org.caseledger.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.CaseFiles;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.StoredEventFixture;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.verify.casefile.CaseFileReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A case stored before {@code ContactRecorded} revision 2 — its rows committed as a fixture and appended with the
 * hashes the appender computes over those bytes — is read through the upcaster by the aggregate, the streaming
 * processor of the read models (live and rebuilt), time travel and the history, and still verifies intact, in a
 * database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsStoredInRevisionOneIT {

    private static final List<StoredEventFixture.Row> STORED =
            StoredEventFixture.load("/schema-evolution/contact-recorded-revision-1.json");
    private static final TestDatabase.Database DATABASE = StoredEventFixture.storedBeforeTheLedgerStarts(STORED);
    private static final String CASE = STORED.get(0).aggregateId();
    private static final String PATH = "/api/v1/cases/" + CASE;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private LedgerHttp http;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.registerIn(registry);
    }

    @BeforeAll
    void rebuildTheAccessIndexAsAnUpgradedLedgerDoes() {
        long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        assertThat(stored).as("the fixture and the events the node recorded when it started (its configured staff)")
                .isGreaterThan(STORED.size());
        assertThat(new LedgerHttp("http://localhost:" + port).as("eva").post("/api/v1/admin/access-index/rebuild", Map.of())
                .json().path("eventsFolded").asLong()).isEqualTo(stored);
    }

    @BeforeEach
    void http() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @Test
    void theLiveReadModelsShowTheOldContactsWithTheRenamedFieldAndTheDefault() {
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        JsonNode view = http.as("lars").get(PATH).json();

        assertThat(view.path("caseNumber").asString()).isEqualTo("2026-00001");
        assertOldContacts(view);
    }

    @Test
    void theAggregateReplaysTheOldContactsAndTakesANewOne() {
        LedgerHttp.Response recorded = http.as("anna").post(PATH + "/contacts", Map.of("channel", "PHONE", "initiatedBy", "FAMILY",
                "summary", "The mother called to ask about the school breakfast."));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonNode view = http.as("lars").get(PATH).json();
        assertOldContacts(view);
        JsonNode newest = view.path("contacts").get(view.path("contacts").size() - 1);
        assertThat(newest.path("id").asString()).isEqualTo(recorded.field("contactId"));
        assertThat(newest.path("initiatedBy").asString()).isEqualTo("FAMILY");
    }

    @Test
    void aNewContactMustSayWhoTookTheInitiativeAndMayNotClaimItWasNotRecorded() {
        LedgerHttp anna = http.as("anna");

        LedgerHttp.Response missing = anna.post(PATH + "/contacts", Map.of("channel", "PHONE"));
        LedgerHttp.Response notRecorded = anna.post(PATH + "/contacts", Map.of("channel", "PHONE", "initiatedBy", "NOT_RECORDED"));

        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.json().path("detail").asString()).contains("initiatedBy");
        assertThat(notRecorded.status()).as(notRecorded.toString()).isEqualTo(400);
        assertThat(notRecorded.json().path("detail").asString()).contains("initiatedBy");
    }

    @Test
    void aRebuildReplaysTheOldContactsIntoEveryReadModelAsTheLiveProjectionDid() {
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        String live = ReadModels.digest(jdbc);

        ReadModels.rebuild(http);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        assertThat(ReadModels.digest(jdbc)).isEqualTo(live);
        assertOldContacts(http.as("lars").get(PATH).json());
        assertThat(jdbc.sql("SELECT dimension FROM metric_fact WHERE stream = ? AND metric = 'COLLABORATION_CONTACTS' ORDER BY day")
                .param(CASE).query(String.class).list())
                .as("the collaboration meeting's renamed partner type, and the school meeting's default")
                .containsExactly("SCHOOL", "SCHOOL");
        assertThat(jdbc.sql("SELECT met FROM compliance_check WHERE case_id = ?::uuid AND rule = 'PROTECTION_ASSESSMENT_IN_TIME'")
                .param(CASE).query(Boolean.class).single())
                .as("the report was assessed the day it arrived")
                .isTrue();
    }

    @Test
    void theTimelineTimeTravelAndHistoryReadTheOldContactsInTheNewShape() {
        JsonNode timeline = http.as("lars").get(PATH + "/timeline?lang=en").json();
        assertThat(timeline.get(4).path("what").asString())
                .isEqualTo("Contact: phone, who took the initiative was not recorded: The mother called back and agreed to a meeting.");
        assertThat(timeline.get(5).path("what").asString()).isEqualTo("Contact: collaboration meeting with school, "
                + "who took the initiative was not recorded: Meeting with the class teacher and the school nurse.");

        JsonNode then = http.as("lars").get(PATH + "?asOfEvent=5").json();
        assertThat(then.path("version").asLong()).isEqualTo(5);
        assertThat(then.path("contacts").findValuesAsString("initiatedBy")).containsExactly("NOT_RECORDED", "NOT_RECORDED");

        JsonNode history = http.as("ivo").get(PATH + "/history").json();
        JsonNode meeting = history.get(5);
        assertThat(meeting.path("type").asString()).isEqualTo("ContactRecorded");
        assertThat(meeting.path("revision").asString()).as("the revision it is stored in").isEqualTo("1");
        assertThat(meeting.path("data").path("partnerType").asString()).isEqualTo("SCHOOL");
        assertThat(meeting.path("data").path("initiatedBy").asString()).isEqualTo("NOT_RECORDED");
        assertThat(meeting.path("data").has("partner")).isFalse();
    }

    @Test
    void theOldEventsStillVerifyIntactBecauseTheHashCoversTheStoredBytes() {
        while (http.as("eva").post("/api/v1/audit/checkpoints", Map.of()).status() == 201) {
            // seal everything pending
        }

        JsonNode caseReport = http.as("ivo").get(PATH + "/verify").json();
        assertThat(caseReport.path("status").asString()).as(caseReport.toString()).isEqualTo("INTACT");
        assertThat(caseReport.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(STORED.size());
        JsonNode ledgerReport = http.as("ivo").get("/api/v1/audit/verify").json();
        assertThat(ledgerReport.path("status").asString()).as(ledgerReport.toString()).isEqualTo("INTACT");

        for (StoredEventFixture.Row row : STORED) {
            byte[] stored = jdbc.sql("SELECT payload FROM domain_event_entry WHERE event_identifier = ?")
                    .param(row.eventId()).query(byte[].class).single();
            assertThat(stored).as("event %d is stored as it was", row.sequenceNumber()).isEqualTo(row.payload());
        }
    }

    @Test
    void theExportedCaseFileCarriesTheStoredBytesAndVerifiesOffline() throws Exception {
        while (http.as("eva").post("/api/v1/audit/checkpoints", Map.of()).status() == 201) {
            // seal everything pending
        }
        LedgerHttp.Response export = http.as("ivo").get("/api/v1/audit/cases/" + CASE + "/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        CaseFileReport report = CaseFiles.verifier(http.anonymous().get("/api/v1/audit/public-key").text())
                .verify(export.text().getBytes(StandardCharsets.UTF_8));

        assertThat(report.status()).as(report.describe()).isEqualTo(CaseFileReport.Status.INTACT);
        JsonNode exported = CaseFiles.body(export.text()).path("events").get(5);
        assertThat(exported.path("payloadRevision").asString()).isEqualTo("1");
        assertThat(Base64.getDecoder().decode(exported.path("payload").asString())).isEqualTo(STORED.get(5).payload());
    }

    private static void assertOldContacts(JsonNode view) {
        JsonNode contacts = view.path("contacts");
        assertThat(contacts.size()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(contacts.get(i).path("initiatedBy").asString()).as("contact %d", i).isEqualTo("NOT_RECORDED");
        }
        assertThat(contacts.get(0).path("channel").asString()).isEqualTo("PHONE");
        assertThat(contacts.get(0).has("partner")).isFalse();
        assertThat(contacts.get(1).path("channel").asString()).isEqualTo("COLLABORATION_MEETING");
        assertThat(contacts.get(1).path("partner").asString()).isEqualTo("SCHOOL");
        assertThat(contacts.get(2).path("channel").asString()).isEqualTo("SCHOOL_MEETING");
    }
}
