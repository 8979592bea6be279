package org.caseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Integrators find every resource described in the OpenAPI document, once signed in; no one else sees the map. On a
 * database server, as here, the browsable UI is off unless configured on (the embedded default has it: SetupDefaultsTest).
 */
class OpenApiIT extends IntegrationTest {

    @Test
    void theOpenApiDocumentDescribesTheCommandsQueriesAndAuditEndpoints() {
        LedgerHttp.Response response = http.as("anna").get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().path("paths");
        assertThat(paths.has("/api/v1/cases")).isTrue();
        assertThat(paths.has("/api/v1/cases/{caseId}/history")).isTrue();
        assertThat(paths.has("/api/v1/cases/{caseId}/decisions")).isTrue();
        assertThat(paths.has("/api/v1/persons")).isTrue();
        assertThat(paths.has("/api/v1/outreach/service-support")).isTrue();
        assertThat(paths.has("/api/v1/audit/verify")).isTrue();
        assertThat(paths.has("/api/v1/audit/cases/{caseId}/export")).isTrue();
    }

    @Test
    void theDocumentAndItsBrowsableUiAreForSignedInStaffOnly() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/swagger-ui/index.html")) {
            LedgerHttp.Response anonymous = http.anonymous().get(path);

            assertThat(anonymous.status()).as(path + ": " + anonymous).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.text()).doesNotContain("/api/v1/cases");
        }
    }

    @Test
    void onADatabaseServerTheBrowsableUiIsOffByDefault() {
        for (String path : List.of("/swagger-ui/index.html", "/swagger-ui.html")) {
            LedgerHttp.Response signedIn = http.as("ivo").get(path);

            assertThat(signedIn.status()).as(path + ": " + signedIn).isEqualTo(404);
        }
    }
}
