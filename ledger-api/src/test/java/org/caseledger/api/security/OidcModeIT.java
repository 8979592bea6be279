package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IdentityProvider;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.StaffEntries;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code oidc} mode: the ledger as an OAuth2 resource server trusting the test identity provider's key. A valid
 * token makes the same member of staff a configured user would be, recorded on events and decided by the access
 * guard; every token the ledger does not accept gets the same 401 problem, which says nothing of why. The ledger runs
 * on a database of its own here, so that its event processors do not compete with those of the shared context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.mode=oidc",
        "spring.security.oauth2.resourceserver.jwt.public-key-location=" + IdentityProvider.PUBLIC_KEY_LOCATION,
        "spring.security.oauth2.resourceserver.jwt.audiences=" + IdentityProvider.AUDIENCE,
        "ledger.security.oidc.issuer=" + IdentityProvider.ISSUER})
@DirtiesContext
class OidcModeIT {

    private static final TestDatabase.Database DATABASE = TestDatabase.another();
    private static final String TOKEN_REFUSED = "Bearer realm=\"case-ledger\", error=\"invalid_token\"";
    private static final String NO_TOKEN = "Bearer realm=\"case-ledger\"";

    private static final String SECRETARY = IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", "vivalla");
    private static final String LEADER = IdentityProvider.token("jonas.ek", "GROUP_LEADER", "vivalla");
    private static final String UNIT_HEAD = IdentityProvider.token("lena.ahl", "UNIT_HEAD", "vivalla");
    private static final String ADMINISTRATOR = IdentityProvider.token("per.admin", "ADMINISTRATOR", "vivalla");
    private static final String AUDITOR = IdentityProvider.token("greta.granskare", "AUDITOR", "supervision");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private LedgerHttp http;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.registerIn(registry);
    }

    @BeforeEach
    void http() {
        http = new LedgerHttp("http://localhost:" + port);
        LedgerHttp administrator = http.bearer(ADMINISTRATOR);
        StaffEntries.entered(administrator, "maja.berg", "SOCIAL_SECRETARY", "vivalla");
        StaffEntries.entered(administrator, "jonas.ek", "GROUP_LEADER", "vivalla");
        StaffEntries.entered(administrator, "lena.ahl", "UNIT_HEAD", "vivalla");
    }

    @Test
    void givenATokenOfSomeoneTheStaffRegistryDoesNotHaveWhenTheyRecordAFactThenItIsRefusedAndNothingIsWritten() {
        String stranger = IdentityProvider.token("nils.okand", "SOCIAL_SECRETARY", "vivalla");
        String otherRole = IdentityProvider.token("maja.berg", "UNIT_HEAD", "vivalla");
        long before = storedEvents();

        Response refused = http.bearer(stranger).post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Alva Exempel"));
        Response wrongRole = http.bearer(otherRole).post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Alva Exempel"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.field("rule")).isEqualTo("ACTOR_NOT_ACTIVE_STAFF");
        assertThat(wrongRole.status()).as("the token names a role the registry does not give her").isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aCaseOpenedWithATokenRecordsTheStaffIdRoleAndUnitTheTokenNames() {
        String caseId = openCase(SECRETARY);

        Response history = http.bearer(AUDITOR).get("/api/v1/cases/" + caseId + "/history");

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode envelope = history.json().get(0).path("envelope");
        assertThat(history.json().get(0).path("type").asString()).isEqualTo("CaseOpened");
        assertThat(envelope.path("actor").asString()).isEqualTo("maja.berg");
        assertThat(envelope.path("role").asString()).isEqualTo("SOCIAL_SECRETARY");
        assertThat(envelope.path("unit").asString()).isEqualTo("vivalla");
        JsonNode reads = http.bearer(AUDITOR).get("/api/v1/audit/access-log?caseId=" + caseId).json();
        assertThat(reads.findValuesAsString("staffId")).contains("greta.granskare");
    }

    @Test
    void eachRoleInATokenReachesWhatTheRoleMayAndNoMore() {
        String caseId = openCase(SECRETARY);
        String casePath = "/api/v1/cases/" + caseId;

        assertThat(http.bearer(SECRETARY).get(casePath).status()).isEqualTo(200);
        assertForbidden(http.bearer(SECRETARY).get("/api/v1/admin/projections"));
        assertThat(http.bearer(LEADER).post(casePath + "/notes", Map.of("text", "Spoke with the school.")).status()).isEqualTo(201);
        assertForbidden(http.bearer(LEADER).get("/api/v1/audit/access-log"));
        assertThat(http.bearer(UNIT_HEAD).get("/api/v1/caseload?unit=vivalla").status()).isEqualTo(200);
        assertForbidden(http.bearer(UNIT_HEAD).get("/api/v1/admin/projections"));
        assertThat(http.bearer(ADMINISTRATOR).get("/api/v1/admin/projections").status()).isEqualTo(200);
        assertForbidden(http.bearer(ADMINISTRATOR).get(casePath));
        assertThat(http.bearer(AUDITOR).get(casePath).status()).isEqualTo(200);
        assertForbidden(http.bearer(AUDITOR).post(casePath + "/notes", Map.of("text", "An auditor's note.")));
    }

    @Test
    void theUnitInTheTokenDecidesWhichCasesItsBearerSees() {
        String caseId = openCase(SECRETARY);
        String elsewhere = IdentityProvider.token("sara.ek", "SOCIAL_SECRETARY", "central-reception");

        assertForbidden(http.bearer(elsewhere).get("/api/v1/cases/" + caseId));
    }

    @Test
    void aRoleAmongOtherValuesOfAListClaimIsTheRole() {
        String leader = IdentityProvider.token("jonas.ek", List.of("offline_access", "GROUP_LEADER", "uma_authorization"), "vivalla");

        assertThat(http.bearer(leader).get("/api/v1/cases/" + openCase(SECRETARY)).status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefusedWith401() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        assertTokenRefused(IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", "vivalla", claims -> claims
                .issueTime(Date.from(anHourAgo.minus(Duration.ofMinutes(5)))).expirationTime(Date.from(anHourAgo))));
    }

    @Test
    void aTokenWithoutAnExpiryIsRefusedWith401() {
        assertTokenRefused(IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", "vivalla", claims -> claims.expirationTime(null)));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedWith401EvenSignedByTheKey() {
        assertTokenRefused(IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", "vivalla",
                claims -> claims.issuer("https://login.example-kommun.se/realms/payroll")));
    }

    @Test
    void aTokenNamingNoIssuerIsRefusedWith401() {
        assertTokenRefused(IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", "vivalla", claims -> claims.issuer(null)));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedWith401() {
        assertTokenRefused(IdentityProvider.forged(IdentityProvider.claims("maja.berg", "UNIT_HEAD", "vivalla")));
    }

    @Test
    void anUnsignedTokenIsRefusedWith401() {
        assertTokenRefused(IdentityProvider.unsigned(IdentityProvider.claims("maja.berg", "UNIT_HEAD", "vivalla")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedWith401() {
        assertTokenRefused(IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", "vivalla", claims -> claims.audience("payroll")));
    }

    @Test
    void somethingThatIsNoTokenIsRefusedWith401() {
        assertTokenRefused("not-a-token");
        String[] parts = SECRETARY.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("SOCIAL_SECRETARY", "UNIT_HEAD");
        assertTokenRefused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);
    }

    @Test
    void aTokenWithoutALedgerRoleIsRefusedWith401() {
        assertTokenRefused(IdentityProvider.token("maja.berg", null, "vivalla"));
        assertTokenRefused(IdentityProvider.token("maja.berg", "CHIEF_OF_EVERYTHING", "vivalla"));
        assertTokenRefused(IdentityProvider.token("maja.berg", List.of("offline_access"), "vivalla"));
    }

    @Test
    void aTokenWithSeveralLedgerRolesIsRefusedWith401() {
        assertTokenRefused(IdentityProvider.token("maja.berg", List.of("SOCIAL_SECRETARY", "AUDITOR"), "vivalla"));
    }

    @Test
    void aTokenWithoutAUnitOrAWellFormedStaffIdIsRefusedWith401() {
        assertTokenRefused(IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", null));
        assertTokenRefused(IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", "Vivalla Office"));
        assertTokenRefused(IdentityProvider.token("maja.berg@orebro.se", "SOCIAL_SECRETARY", "vivalla"));
        assertTokenRefused(IdentityProvider.token(null, "SOCIAL_SECRETARY", "vivalla"));
    }

    @Test
    void aDemoUsersPasswordIsNoCredentialInTheOidcMode() {
        Response basic = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Alva Exempel"));

        assertUnauthorised(basic, NO_TOKEN);
    }

    @Test
    void aRequestWithoutATokenIsAnsweredWithTheBareChallenge() {
        assertUnauthorised(http.anonymous().get("/api/v1/caseload"), NO_TOKEN);
    }

    private String openCase(String token) {
        LedgerHttp staff = http.bearer(token);
        Response child = staff.post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Alva Exempel"));
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        Response opened = staff.post("/api/v1/cases", Map.of(
                "origin", "REPORT_OF_CONCERN",
                "child", child.field("personId"),
                "household", UUID.randomUUID().toString(),
                "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "The class teacher is worried.")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.field("caseId");
    }

    /** Refused before anything is read or written, and with the same words whatever was wrong with the token. */
    private void assertTokenRefused(String token) {
        long before = storedEvents();
        Response response = http.bearer(token).post("/api/v1/persons",
                Map.of("identityNumber", Fixtures.identityNumber(), "name", "Alva Exempel"));

        assertUnauthorised(response, TOKEN_REFUSED);
        assertThat(response.field("title")).isEqualTo("Åtkomsttoken godtogs inte");
        assertThat(response.field("detail"))
                .isEqualTo("Åtkomsttoken godtogs inte. Hämta en ny från identitetsleverantören och försök igen.");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static void assertUnauthorised(Response response, String challenge) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        assertThat(response.field("title")).isNotBlank();
        assertThat(response.header("WWW-Authenticate")).isEqualTo(challenge);
        assertThat(response.text()).doesNotContainIgnoringCase("jwt").doesNotContainIgnoringCase("expired")
                .doesNotContainIgnoringCase("signature").doesNotContainIgnoringCase("claim").doesNotContain("Exception");
    }

    private static void assertForbidden(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("detail")).isNotBlank();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
