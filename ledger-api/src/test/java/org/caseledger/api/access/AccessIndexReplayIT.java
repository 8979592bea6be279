package org.caseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The access index has one source, the Java handlers: rebuilt by replaying the stored events it equals the index the
 * handlers kept live, and no SQL function left in the database reads the stored events' JSON.
 */
class AccessIndexReplayIT extends IntegrationTest {

    /** The index's rows in a fixed order, every column as text. */
    private static final String INDEX = """
            SELECT 'case' AS t, row(c.*)::text AS r FROM case_access c
            UNION ALL SELECT 'person', row(p.*)::text FROM person_access p
            UNION ALL SELECT 'household', row(h.*)::text FROM household_activity h
            UNION ALL SELECT 'named', row(n.*)::text FROM case_person n
            ORDER BY 1, 2
            """;

    @Test
    void givenALiveIndexWithAnErasedPersonWhenItIsRebuiltByReplayThenItEqualsTheLiveOne() {
        String household = UUID.randomUUID().toString();
        String child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Replay Child"))
                .field("personId");
        String parent = http.as("anna").post("/api/v1/persons", Map.of("reserveNumber", "RES-" + UUID.randomUUID(), "name", "Replay Parent"))
                .field("personId");
        String caseId = http.as("anna").post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child, "household", household,
                "receivedAt", "2026-03-02T08:15:00Z")).field("caseId");
        assertThat(http.as("karin").post("/api/v1/cases/" + caseId + "/assignments", Map.of("assignee", "anna.lind")).status()).isLessThan(300);
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/consents", Map.of("person", parent, "partner", "SCHOOL",
                "partnerName", "Vivallaskolan", "purpose", "Samordning", "validFrom", "2026-03-02")).status()).isLessThan(300);
        String erased = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Replay Erased"))
                .field("personId");
        assertThat(http.as("lars").post("/api/v1/persons/" + erased + "/erasure", Map.of("reason", "REGISTERED_IN_ERROR")).status()).isEqualTo(200);
        String live = jdbc.sql(INDEX).query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list().toString();
        assertThat(live).contains(caseId, parent, erased);

        long folded = http.as("eva").post("/api/v1/admin/access-index/rebuild", Map.of()).json().path("eventsFolded").asLong();

        assertThat(folded).isPositive();
        assertThat(jdbc.sql(INDEX).query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list().toString()).isEqualTo(live);
        assertThat(http.as("lars").post("/api/v1/admin/access-index/rebuild", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void givenTheMigratedSchemaThenNoFunctionReadsTheStoredEvents() {
        assertThat(jdbc.sql("SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                        + "WHERE n.nspname = 'public' AND (prosrc ILIKE '%domain_event_entry%' OR prosrc ILIKE '%payload%')")
                .query(String.class).list()).isEmpty();
    }
}
