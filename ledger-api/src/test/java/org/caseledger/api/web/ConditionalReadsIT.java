package org.caseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;

/** Every read of the API can be made conditional: ETag on the answer, 304 to an If-None-Match that names it. */
class ConditionalReadsIT extends IntegrationTest {

    @Test
    void givenTheETagOfAnyRead_whenReadAgainWithIfNoneMatch_thenTheAnswerIs304WithNoBody() {
        String child = Fixtures.registerChild(http);
        String caseId = Fixtures.openCaseOnSchoolReport(http, child).field("caseId");
        LedgerHttp anna = http.as("anna");
        LedgerHttp ivo = http.as("ivo");
        List<Map.Entry<LedgerHttp, String>> reads = List.of(
                Map.entry(anna, "/api/v1/cases/" + caseId),
                Map.entry(anna, "/api/v1/cases/" + caseId + "/history"),
                Map.entry(anna, "/api/v1/cases/" + caseId + "/timeline"),
                Map.entry(anna, "/api/v1/cases?status=OPEN"),
                Map.entry(anna, "/api/v1/persons/" + child + "/history"),
                Map.entry(anna, "/api/v1/caseload"),
                Map.entry(ivo, "/api/v1/audit/keys"),
                Map.entry(ivo, "/api/v1/audit/checkpoints"));

        for (Map.Entry<LedgerHttp, String> read : reads) {
            Response first = read.getKey().get(read.getValue());
            assertThat(first.status()).as(read.getValue()).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as("ETag of " + read.getValue()).isNotBlank();

            Response again = read.getKey().header("If-None-Match", etag).get(read.getValue());

            assertThat(again.status()).as(read.getValue()).isEqualTo(304);
            assertThat(again.text()).as(read.getValue()).isEmpty();
            assertThat(again.header("ETag")).as(read.getValue()).isEqualTo(etag);
        }
    }

    @Test
    void givenAnETagHeld_whenTheCaseChanges_thenTheReadAnswersTheNewStateWithANewETag() {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        LedgerHttp anna = http.as("anna");
        String viewTag = anna.get(casePath).header("ETag");
        String historyTag = anna.get(casePath + "/history").header("ETag");

        anna.post(casePath + "/notes", Map.of("text", "Ringde skolsköterskan."));
        Response view = anna.header("If-None-Match", viewTag).get(casePath);
        Response history = anna.header("If-None-Match", historyTag).get(casePath + "/history");

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.header("ETag")).isNotEqualTo(viewTag);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.header("ETag")).isNotEqualTo(historyTag);
        assertThat(history.json()).hasSize(3);
    }

    @Test
    void givenA304_thenTheReadIsStillInTheAccessLogAndNoCacheMayStoreIt() {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        LedgerHttp anna = http.as("anna");
        Response first = anna.get(casePath);
        long logged = accessLogEntries();

        Response again = anna.header("If-None-Match", first.header("ETag")).get(casePath);

        assertThat(again.status()).isEqualTo(304);
        assertThat(accessLogEntries()).isEqualTo(logged + 1);
        assertThat(first.header("Cache-Control")).contains("no-store");
    }

    @Test
    void givenAnotherUsersETag_whenTheReadIsRefused_thenTheRefusalIsNot304() {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        String etag = http.as("anna").get(casePath).header("ETag");

        Response admin = http.as("eva").header("If-None-Match", etag).get(casePath);

        assertThat(admin.status()).isEqualTo(403);
    }

    private long accessLogEntries() {
        return jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single();
    }
}
