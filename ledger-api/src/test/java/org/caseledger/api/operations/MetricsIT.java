package org.caseledger.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;

/**
 * The monitoring server scrapes {@code /actuator/prometheus} over HTTP with its own login and finds every figure of
 * docs/operations.md, "Metrics"; no name or identity number of a person is in any of them; staff logins and anonymous
 * requests are refused.
 */
class MetricsIT extends IntegrationTest {

    /** The ledger's own figures, as Prometheus names them. */
    private static final List<String> LEDGER_FIGURES = List.of(
            "ledger_append_seconds_count",
            "ledger_append_seconds_bucket",
            "ledger_read_models_lag_seconds{",
            "ledger_read_models_behind_events{",
            "ledger_checkpoint_age_seconds",
            "ledger_checkpoint_unsealed_age_seconds",
            "ledger_integrity_alarm",
            "ledger_access_log_write_seconds_count",
            "ledger_erasures_total{",
            "ledger_retention_runs_total{",
            "ledger_nodes_live");

    /** Axon's command bus and event processors, and the figures every Spring Boot application has. */
    private static final List<String> FRAMEWORK_FIGURES = List.of(
            "commandBus_successTimer_seconds_count{payloadType=\"RecordJournalNote\"}",
            "eventProcessor_successCounter_total{payloadType=\"CaseOpened\",processorName=\"read-models\"}",
            "eventProcessor_latency{processorName=\"access\"}",
            "http_server_requests_seconds_count{",
            "hikaricp_connections_active{",
            "jvm_memory_used_bytes{");

    @Test
    void givenTheLedgerAtWorkWhenTheMonitoringServerScrapesThenEveryFigureIsThereWithoutAnyPersonalData() {
        String name = "Märta Mätvärdesson";
        String number = Fixtures.identityNumber();
        String person = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", number, "name", name)).field("personId");
        String caseId = Fixtures.openCaseOnSchoolReport(http, person).field("caseId");
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", name + " " + number + " came to the office."))
                .status()).isEqualTo(201);
        assertThat(http.as("anna").get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(http.as("anna").post("/api/v1/persons/search", Map.of("identityNumber", number)).status()).isEqualTo(200);
        double erasedBefore = value(scrape(), "ledger_erasures_total{reason=\"DATA_SUBJECT_REQUEST\"}");
        assertThat(http.as("lars").post("/api/v1/persons/" + person + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST")).status())
                .isEqualTo(200);

        // the figures read from the database are sampled every few seconds
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> !Double.isNaN(value(scrape(), "ledger_read_models_lag_seconds{processor=\"read-models\"}")));
        String figures = scrape();

        assertThat(figures).contains(LEDGER_FIGURES).contains(FRAMEWORK_FIGURES);
        assertThat(value(figures, "ledger_erasures_total{reason=\"DATA_SUBJECT_REQUEST\"}")).isEqualTo(erasedBefore + 1);
        assertThat(value(figures, "ledger_integrity_alarm")).isZero();
        assertThat(value(figures, "ledger_nodes_live")).isEqualTo(1);
        assertThat(value(figures, "ledger_append_seconds_count")).isPositive();
        assertThat(value(figures, "ledger_access_log_write_seconds_count")).isPositive();
        assertThat(figures).doesNotContain(name).doesNotContain("Märta").doesNotContain(number)
                .doesNotContain(number.replace("-", "")).doesNotContain(number.substring(2));
    }

    @Test
    void givenAnyoneButTheMonitoringServerWhenTheyAskForTheFiguresThenTheyAreRefused() {
        LedgerHttp.Response anonymous = http.anonymous().get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(http.as("eva").get("/actuator/prometheus").status()).as("an administrator is staff, not the scraper").isEqualTo(401);
        assertThat(http.as("lars").get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.as("prometheus").get("/api/v1/admin/projections").status()).as("the scraper's login opens nothing else")
                .isEqualTo(401);
        assertThat(http.as("prometheus").get("/actuator/metrics").status()).isIn(401, 403);
    }

    private String scrape() {
        LedgerHttp.Response scrape = http.as("prometheus").get("/actuator/prometheus");
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        return scrape.text();
    }

    /** The value of the first series whose line starts with the name and labels given. */
    private static double value(String figures, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + "[^ ]* (\\S+)$", Pattern.MULTILINE).matcher(figures);
        assertThat(line.find()).as(series + " in the figures").isTrue();
        return Double.parseDouble(line.group(1));
    }
}
