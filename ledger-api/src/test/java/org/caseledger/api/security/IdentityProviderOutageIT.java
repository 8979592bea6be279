package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IdentityProvider;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
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

/**
 * The {@code oidc} mode with an identity provider that does not answer: its {@code issuer-uri} is an address where
 * nothing listens, or where connections are taken and never answered. The ledger starts all the same; a request with a
 * token it cannot check is answered 503 with a problem, every time, within {@code ledger.security.oidc.timeout}, and
 * nothing is recorded. A request without a token needs no identity provider and stays a 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.mode=oidc",
        "spring.security.oauth2.resourceserver.jwt.audiences=" + IdentityProvider.AUDIENCE,
        "ledger.security.oidc.timeout=1s"})
@DirtiesContext
class IdentityProviderOutageIT {

    private static final TestDatabase.Database DATABASE = TestDatabase.another();
    private static final int IDENTITY_PROVIDER_PORT = portNothingListensOn();
    private static final String ISSUER = "http://127.0.0.1:" + IDENTITY_PROVIDER_PORT + "/realms/social-services";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private LedgerHttp http;

    @DynamicPropertySource
    static void ownDatabaseAndAnIdentityProviderThatIsDown(DynamicPropertyRegistry registry) {
        DATABASE.registerIn(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    @BeforeEach
    void http() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @Test
    void aTokenThatCannotBeCheckedIsAnswered503AndRecordsNothing() {
        long before = storedEvents();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertUnavailable(registerAChild());
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anIdentityProviderThatNeverAnswersIsGivenUpOnAfterTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket()) {
            // Bound and never accepting: the system takes the connections into the backlog, and no one ever answers.
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress("127.0.0.1", IDENTITY_PROVIDER_PORT));
            long before = storedEvents();
            long started = System.nanoTime();

            Response response = registerAChild();

            assertUnavailable(response);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(storedEvents()).isEqualTo(before);
        }
    }

    @Test
    void aRequestWithoutATokenIsStillAnswered401() {
        Response response = http.anonymous().get("/api/v1/caseload");

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"case-ledger\"");
    }

    private Response registerAChild() {
        String token = IdentityProvider.token("maja.berg", "SOCIAL_SECRETARY", "vivalla", claims -> claims.issuer(ISSUER));
        return http.bearer(token).post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Alva Exempel"));
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("title")).isEqualTo("Identitetsleverantören är inte tillgänglig");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("127.0.0.1");
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    /** A port that was free a moment ago: a connection to it is refused, as to an identity provider that is down. */
    private static int portNothingListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
