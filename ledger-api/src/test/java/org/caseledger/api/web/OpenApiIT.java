package org.caseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Integrators find every resource described in the OpenAPI document. */
class OpenApiIT extends IntegrationTest {

    @Test
    void theOpenApiDocumentDescribesTheCommandsQueriesAndAuditEndpoints() {
        LedgerHttp.Response response = http.anonymous().get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().path("paths");
        assertThat(paths.has("/api/cases")).isTrue();
        assertThat(paths.has("/api/cases/{caseId}/history")).isTrue();
        assertThat(paths.has("/api/cases/{caseId}/decisions")).isTrue();
        assertThat(paths.has("/api/persons")).isTrue();
        assertThat(paths.has("/api/outreach/service-support")).isTrue();
        assertThat(paths.has("/api/audit/verify")).isTrue();
        assertThat(paths.has("/api/audit/cases/{caseId}/export")).isTrue();
    }
}
