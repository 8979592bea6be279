package org.caseledger.api.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The staff registry over HTTP: the configured users are entered when a node is ready, the administrator enters,
 * moves and ends members, and a case is assigned only to someone working with cases in its unit on the day.
 */
class StaffRegistryIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    @Test
    void givenTheConfiguredUsersWhenTheRegistryIsReadThenEachMemberOfStaffIsEnteredAndNoAuditor() {
        JsonNode members = http.as("lars").get("/api/v1/staff?unit=vivalla").json();

        assertThat(members.findValuesAsString("staffId")).contains("anna.lind", "karin.berg", "lars.nilsson", "eva.holm")
                .doesNotContain("ivo.granskare", "sara.ek");
        JsonNode anna = http.as("anna").get("/api/v1/staff/anna.lind").json();
        assertThat(anna.path("name").asString()).isEqualTo("Anna Lind");
        assertThat(anna.path("memberships").get(0).path("role").asString()).isEqualTo("SOCIAL_SECRETARY");
        assertThat(http.as("anna").get("/api/v1/staff/anna.lind/history").json().get(0).path("envelope").path("actor").asString())
                .isEqualTo("ledger-configuration");
    }

    @Test
    void givenAnEnteredMemberWhenACaseIsAssignedToHerThenItIsAndToSomeoneNotEnteredItIsRefused() {
        String member = "maria." + UUID.randomUUID().toString().substring(0, 8);
        Response entered = http.as("eva").post("/api/v1/staff", Map.of("staffId", member, "name", "Maria Nord", "unit", "vivalla",
                "role", "SOCIAL_SECRETARY", "activeFrom", "2026-01-01"));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        String path = "/api/v1/cases/" + Fixtures.openCase(http);

        assertThat(http.as("karin").post(path + "/assignments", Map.of("assignee", member)).status()).isLessThan(300);
        long events = storedEvents();
        Response typo = http.as("karin").post(path + "/assignments", Map.of("assignee", "maria.nrod"));
        assertThat(typo.status()).as(typo.toString()).isEqualTo(409);
        assertThat(typo.field("rule")).isEqualTo("STAFF_NOT_ACTIVE");
        assertThat(http.as("karin").post(path + "/assignments", Map.of("assignee", "sara.ek")).field("rule"))
                .as("a social secretary of another unit").isEqualTo("STAFF_NOT_ACTIVE");
        assertThat(http.as("karin").post(path + "/assignments", Map.of("assignee", "eva.holm")).field("rule"))
                .as("an administrator works with no cases").isEqualTo("STAFF_NOT_ACTIVE");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void givenAMemberWhoLeftYesterdayWhenACaseIsAssignedToHerThenItIsRefusedAndHerEntryTakesNoChange() {
        String member = "left." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.as("eva").post("/api/v1/staff", Map.of("staffId", member, "name", "Lena Ek", "unit", "vivalla",
                "role", "SOCIAL_SECRETARY", "activeFrom", "2026-01-01")).status()).isEqualTo(201);
        Response ended = http.as("eva").post("/api/v1/staff/" + member + "/ending", Map.of("lastDay", TODAY.minusDays(1).toString()));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        String path = "/api/v1/cases/" + Fixtures.openCase(http);

        Response assigned = http.as("karin").post(path + "/assignments", Map.of("assignee", member));

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(409);
        assertThat(assigned.field("rule")).isEqualTo("STAFF_NOT_ACTIVE");
        Response moved = http.as("eva").post("/api/v1/staff/" + member + "/membership-changes", Map.of("unit", "central-reception",
                "role", "SOCIAL_SECRETARY", "from", TODAY.toString()));
        assertThat(moved.field("rule")).isEqualTo("STAFF_MEMBERSHIP_ENDED");
    }

    @Test
    void givenAMemberMovedToAnotherUnitWhenACaseOfTheOldUnitIsAssignedToHerThenItIsRefused() {
        String member = "moved." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.as("eva").post("/api/v1/staff", Map.of("staffId", member, "name", "Ali Demir", "unit", "vivalla",
                "role", "SOCIAL_SECRETARY", "activeFrom", "2026-01-01")).status()).isEqualTo(201);
        assertThat(http.as("eva").post("/api/v1/staff/" + member + "/membership-changes", Map.of("unit", "central-reception",
                "role", "SOCIAL_SECRETARY", "from", TODAY.toString())).status()).isEqualTo(200);
        String path = "/api/v1/cases/" + Fixtures.openCase(http);

        assertThat(http.as("karin").post(path + "/assignments", Map.of("assignee", member)).field("rule")).isEqualTo("STAFF_NOT_ACTIVE");
        JsonNode memberships = http.as("eva").get("/api/v1/staff/" + member).json().path("memberships");
        assertThat(memberships.get(0).path("lastDay").asString()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(memberships.get(1).path("unit").asString()).isEqualTo("central-reception");
    }

    @Test
    void givenAnEnteredIdWhenItIsEnteredAgainOrByANonAdministratorThenItIsRefused() {
        Response again = http.as("eva").post("/api/v1/staff", Map.of("staffId", "anna.lind", "name", "Anna Lind", "unit", "vivalla",
                "role", "SOCIAL_SECRETARY", "activeFrom", "2026-01-01"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.field("rule")).isEqualTo("STAFF_ALREADY_REGISTERED");
        assertThat(http.as("lars").post("/api/v1/staff", Map.of("staffId", "someone.new", "name", "Someone", "unit", "vivalla",
                "role", "SOCIAL_SECRETARY", "activeFrom", "2026-01-01")).status()).isEqualTo(403);
        assertThat(http.as("eva").post("/api/v1/staff", Map.of("staffId", "inspector.new", "name", "Inspector", "unit", "supervision",
                "role", "AUDITOR", "activeFrom", "2026-01-01")).status()).as("an auditor is no member of staff").isEqualTo(400);
    }
}
