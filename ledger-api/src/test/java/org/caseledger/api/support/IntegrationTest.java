package org.caseledger.api.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on real PostgreSQL, spoken to over
 * HTTP. All subclasses share one application context and so one database; tests make their own cases and
 * never rely on an empty store. A test may read as a specification: {@link #given()} what is so, {@link #when(String)}
 * a member of staff asks, {@link #then(LedgerHttp.Response)} what the answer must be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ProjectionFailureProbe.class, AccessIndexFailureProbe.class})
public abstract class IntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    protected LedgerHttp http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().registerIn(registry);
    }

    @BeforeEach
    void http() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    protected Given given() {
        return new Given(http);
    }

    /** The act: one request of the demo user (anna, sara, ivo, …). */
    protected When when(String user) {
        return new When(http.as(user));
    }

    protected Then then(LedgerHttp.Response response) {
        return new Then(response, null);
    }

    protected int port() {
        return port;
    }

    protected long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
