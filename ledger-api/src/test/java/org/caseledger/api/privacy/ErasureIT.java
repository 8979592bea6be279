package org.caseledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.ReadModels;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caseledger.core.person.ErasureReason;
import org.caseledger.core.person.PersonErased;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Crypto-shredding: erasing a person destroys their data keys. Afterwards nothing of theirs is readable in any
 * table, every answer shows their data as erased, the ledger still verifies, and the figures are unchanged.
 */
class ErasureIT extends IntegrationTest {

    /**
     * The text searched for in every table. The full stop keeps it out of the Base64 and Base64url in which encrypted
     * texts are stored: four letters alone turned up by chance in one of the hundreds of case views a full test run
     * stores, and a hyphen (which Base64url uses) in one encrypted purpose of the access log.
     */
    private static final String MARK = "QZ.XJ";
    private static final String PERIOD = "from=2026-01-01&to=2027-01-01";

    @Test
    void afterErasureNoPlaintextIsLeftTheLedgerVerifiesAndTheFiguresAreUnchanged() {
        String name = "Zelda " + MARK + " Testperson";
        String identityNumber = Fixtures.identityNumber();
        Response registered = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", identityNumber, "name", name));
        String child = registered.field("personId");
        String caseId = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", java.util.UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "The teacher saw bruises on " + MARK + " arms."))).field("caseId");
        String path = "/api/v1/cases/" + caseId;
        assertThat(http.as("anna").post(path + "/notes", Map.of("text", "Home visit: " + MARK + " father was calm.")).status()).isEqualTo(201);
        assertThat(http.as("anna").post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "Two reports about " + MARK + "."))).extracting(Response::status).isEqualTo(201);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(http.as("anna").header("X-Purpose", "Follow-up of " + MARK + " at school").get(path).text()).contains(MARK);
        assertThat(tablesHolding(MARK)).as("neither the events, the read models nor the access log hold the plaintext, even before")
                .isEmpty();
        assertThat(purposesReadForCase(caseId)).as("auditors read the stated purpose decrypted").contains("Follow-up of " + MARK + " at school");
        String metrics = http.as("lars").get("/api/v1/metrics?" + PERIOD + "&period=quarter").text();
        String compliance = http.as("lars").get("/api/v1/compliance?" + PERIOD).text();

        Response erased = http.as("lars").post("/api/v1/persons/" + child + "/erasure",
                Map.of("reason", "DATA_SUBJECT_REQUEST", "note", "Letter from " + MARK + "'s mother, 2026-03-20."));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("dataKeysDestroyed").asInt()).as("the person's key and the case file's key").isEqualTo(2);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(tablesHolding(MARK)).as("tables holding the erased person's text").isEmpty();
        assertThat(tablesHolding(identityNumber)).as("tables holding the identity number").isEmpty();
        assertThat(tablesHolding(identityNumber.replace("-", ""))).isEmpty();
        JsonNode view = http.as("lars").get(path).json();
        assertThat(view.path("notes").get(0).path("text").asString()).isEqualTo("[erased]");
        assertThat(view.path("reports").get(0).path("summary").asString()).isEqualTo("[erased]");
        assertThat(http.as("lars").get(path + "/history").text()).doesNotContain(MARK).contains("[erased]");
        assertThat(http.as("lars").get(path + "/timeline").text()).doesNotContain(MARK);
        JsonNode person = http.as("lars").get("/api/v1/persons/" + child + "/history").json().get(0).path("data");
        assertThat(person.path("name").asString()).isEqualTo("[erased]");
        assertThat(person.path("identityNumber").isNull() || person.path("identityNumber").isMissingNode()).isTrue();
        JsonNode erasure = http.as("lars").get("/api/v1/persons/" + child + "/history").json().get(1).path("data");
        assertThat(erasure.path("reason").asString()).isEqualTo("DATA_SUBJECT_REQUEST");
        assertThat(erasure.path("note").asString()).as("the note outlives the person's key, under the year's").contains(MARK);
        assertThat(purposesReadForCase(caseId)).as("the purpose is erased with the case").doesNotContain("Follow-up of " + MARK + " at school")
                .contains("[erased]");
        assertThat(http.as("ivo").get("/api/v1/audit/access-log/verify").field("status")).isEqualTo("INTACT");

        assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isLessThan(300);
        assertThat(http.as("ivo").get("/api/v1/audit/verify").field("status")).isEqualTo("INTACT");
        assertThat(http.as("ivo").get(path + "/verify").field("status")).isEqualTo("INTACT");
        assertThat(http.as("lars").get("/api/v1/metrics?" + PERIOD + "&period=quarter").text()).isEqualTo(metrics);
        assertThat(http.as("lars").get("/api/v1/compliance?" + PERIOD).text()).isEqualTo(compliance);

        Response refused = http.as("anna").post(path + "/notes", Map.of("text", "Written after the erasure."));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.field("rule")).isEqualTo("PERSON_ERASED");

        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        Map<String, String> live = ReadModels.rows(jdbc);
        ReadModels.rebuild(http);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        ReadModels.assertSameRows(live, ReadModels.rows(jdbc), "a rebuild after the erasure against the live read models");
    }

    @Test
    void givenAnErasedPersonWhenTheErasureIsSentAgainWithoutAnIdempotencyKeyThenItAnswersAlreadyErasedAndWritesNothing() {
        String child = Fixtures.registerChild(http);
        Fixtures.openCaseOnSchoolReport(http, child);
        Response first = http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        long events = storedEvents();

        Response retried = http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST"));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("alreadyErased").asBoolean()).isTrue();
        assertThat(retried.json().path("dataKeysDestroyed").asInt()).isZero();
        assertThat(http.as("lars").get("/api/v1/persons/" + child + "/history").json().size()).as("registered, erased").isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void givenAnErasureNoteOfAYearWhoseRetentionEndedWhenTheRetentionRunsThenTheNoteReadsErased() {
        Instant at = Instant.parse("2019-05-02T09:00:00Z");
        Envelope envelope = new Envelope(StaffId.of("lars.nilsson"), Role.UNIT_HEAD, UnitId.of("vivalla"), at, at,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
        PersonId person = PersonId.random();
        transaction.executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>("Person", person.toString(), 0, new PersonRegistered(person, null, "RES-" + UUID.randomUUID(),
                        "Old " + MARK, false, null, envelope)),
                new GenericDomainEventMessage<>("Person", person.toString(), 1, new PersonErased(person, ErasureReason.COURT_ORDER,
                        "Judgment about " + MARK + " of 2019-04-30", envelope))));
        assertThat(tablesHolding("Judgment about " + MARK)).isEmpty();
        assertThat(noteOf(person)).contains(MARK);

        JsonNode run = http.as("lars").post("/api/v1/retention/run", Map.of()).json();

        assertThat(run.path("yearKeysDestroyed").asInt()).isPositive();
        assertThat(noteOf(person)).isEqualTo("[erased]");
        assertThat(jdbc.sql("SELECT count(*) FROM year_key y JOIN data_key d USING (key_id) WHERE y.year = 2019 AND d.wrapped_key IS NOT NULL")
                .query(Long.class).single()).isZero();
    }

    private String noteOf(PersonId person) {
        JsonNode history = http.as("lars").get("/api/v1/persons/" + person + "/history").json();
        return history.get(1).path("data").path("note").asString();
    }

    private List<String> purposesReadForCase(String caseId) {
        return http.as("ivo").get("/api/v1/audit/access-log?caseId=" + caseId).json().findValuesAsString("purpose");
    }

    /** Every table of the schema with a row containing the text, bytea columns searched as bytes. */
    private List<String> tablesHolding(String text) {
        List<String> tables = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("SELECT table_name, column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position").query().listOfRows();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in \"" + column.get("column_name") + "\") > 0"
                    : "\"" + column.get("column_name") + "\"::text LIKE '%' || ? || '%'";
            if (!tables.contains(table) && jdbc.sql("SELECT count(*) FROM \"" + table + "\" WHERE " + condition).param(text)
                    .query(Long.class).single() > 0) {
                tables.add(table);
            }
        }
        return tables;
    }
}
