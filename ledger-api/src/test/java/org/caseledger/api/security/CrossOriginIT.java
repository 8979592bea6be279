package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Another site's pages calling the API from a browser (CORS): closed by default, open to the origins configured. */
class CrossOriginIT {

    private static final String NAMED = "https://ecos.example.se";
    private static final String OTHER = "https://elsewhere.example";

    /** As shipped: no origin is named. */
    @Nested
    class Closed extends IntegrationTest {

        @Test
        void givenNoOriginConfiguredWhenAnotherSiteAsksFirstThenItIsRefusedAsAProblemWithoutAnAllowance() {
            LedgerHttp.Response preflight = preflight(http, OTHER);

            assertThat(preflight.status()).isEqualTo(403);
            assertThat(preflight.contentType()).startsWith("application/problem+json");
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        }

        @Test
        void givenNoOriginConfiguredWhenAnotherSiteReadsWithCredentialsThenTheAnswerCarriesNoAllowance() {
            LedgerHttp.Response read = http.as("lars").header("Origin", OTHER).get("/api/v1/cases?limit=1");

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    /** With the case-management system's origin named. */
    @Nested
    @TestPropertySource(properties = "ledger.security.cors-origins=" + NAMED)
    class Open extends IntegrationTest {

        @Test
        void givenANamedOriginWhenItAsksFirstWithoutCredentialsThenItIsAllowedWithTheLedgersHeaders() {
            LedgerHttp.Response preflight = preflight(http, NAMED);

            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(NAMED);
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("idempotency-key");
        }

        @Test
        void givenANamedOriginWhenItReadsThenTheAnswerAllowsItAndExposesTheLinkHeader() {
            LedgerHttp.Response read = http.as("lars").header("Origin", NAMED).get("/api/v1/cases?limit=1");

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(NAMED);
            assertThat(read.header("Access-Control-Expose-Headers")).contains("Link");
        }

        @Test
        void givenANamedOriginWhenAnotherOriginAsksFirstThenItIsRefused() {
            assertThat(preflight(http, OTHER).status()).isEqualTo(403);
        }
    }

    private static LedgerHttp.Response preflight(LedgerHttp http, String origin) {
        return http.anonymous().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, idempotency-key")
                .send("OPTIONS", "/api/v1/cases", null, null);
    }
}
