package org.caseledger.api.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The household over HTTP: what each role sees of a household of two children with one protected parent, how a
 * protection granted later and lifted again changes it, the rules of its membership as problems with their codes, and
 * the reads in the access log.
 */
class HouseholdIT extends IntegrationTest {

    @Test
    void givenTwoChildrenAndAProtectedParentWhenEachRoleReadsTheHouseholdThenEachSeesExactlyWhatTheRulesLetThem() {
        HouseholdFamily family = HouseholdFamily.make(http);
        String path = "/api/v1/households/" + family.household();

        JsonNode head = ok(http.as("lars").get(path));
        assertThat(memberIds(head)).containsExactlyInAnyOrder(family.alva(), family.bo(), family.parent(), family.otherAdult());
        assertThat(caseNumbers(head)).containsExactly(family.alvasCaseNumber(), family.bosCaseNumber());
        JsonNode parent = member(head, family.parent());
        assertThat(parent.path("name").asString()).isEqualTo(HouseholdFamily.PARENT_NAME);
        assertThat(parent.path("identityNumber").asString()).startsWith("19880409-");
        assertThat(parent.path("protectedIdentity").asBoolean()).isTrue();
        assertThat(parent.path("through").asString()).isEqualTo("HOUSEHOLD");
        assertThat(member(head, family.alva()).path("through").asString()).isEqualTo("CASE");
        assertThat(member(head, family.otherAdult()).path("current").asBoolean()).isFalse();
        assertThat(member(head, family.otherAdult()).path("periods").get(0).path("to").asString()).isEqualTo("2026-03-20T09:00:00Z");
        assertThat(types(head)).contains("HouseholdMemberJoined", "HouseholdMemberLeft", "CaseOpened", "ConsentGiven",
                "InformationDisclosed", "InterventionOffered", "ConversationWithoutAidHeld");
        assertThat(whats(head)).anySatisfy(what -> assertThat(what).isEqualTo(HouseholdFamily.PARENT_NAME + " blev medlem i hushållet (förälder)"));
        assertThat(ok(http.as("ivo").get(path)).path("members")).hasSize(4);

        JsonNode anna = ok(http.as("anna").get(path));
        assertThat(memberIds(anna)).as("Alva's case worker: Alva through her case, and the household's recorded members")
                .containsExactlyInAnyOrder(family.alva(), family.bo(), family.parent(), family.otherAdult());
        assertThat(caseNumbers(anna)).containsExactly(family.alvasCaseNumber());
        assertThat(anna.toString()).doesNotContain(family.bosCase());

        JsonNode omar = ok(http.as("omar").get(path));
        assertThat(memberIds(omar)).as("Bo's case worker may not read Alva's case, so not Alva either")
                .containsExactlyInAnyOrder(family.bo(), family.parent(), family.otherAdult());
        assertThat(caseNumbers(omar)).containsExactly(family.bosCaseNumber());
        assertThat(omar.toString()).doesNotContain(family.alva()).doesNotContain(family.alvasCase()).doesNotContain("Alva");

        JsonNode karin = ok(http.as("karin").get(path));
        assertThat(karin.path("members")).as("the group leader reads neither protected file").isEmpty();
        assertThat(karin.path("cases")).isEmpty();
        assertThat(types(karin)).containsExactly("ConversationWithoutAidHeld");
        assertThat(karin.toString()).doesNotContain(family.parent()).doesNotContain(HouseholdFamily.PARENT_NAME).doesNotContain("19880409");

        for (String refused : List.of("sara", "mia", "eva")) {
            LedgerHttp.Response answer = http.as(refused).get(path);
            assertThat(answer.status()).as(refused + ": " + answer).isEqualTo(403);
            assertThat(answer.text()).doesNotContain(HouseholdFamily.PARENT_NAME);
        }
        assertThat(http.as("sara").get(path).field("detail")).contains("Hushållet har inget ärende, ingen medlem och inget uppsökande arbete");
    }

    @Test
    void givenAParentWhoseProtectionIsGrantedAndThenLiftedWhenTheGroupLeaderReadsThenTheHouseholdClosesAndOpensWithIt() {
        String household = UUID.randomUUID().toString();
        String child = Fixtures.registerChild(http);
        created(http.as("anna").post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child, "household", household,
                "receivedAt", "2026-04-01T08:00:00Z")));
        String parent = Fixtures.registerChild(http);
        created(http.as("anna").post("/api/v1/households/" + household + "/members", Map.of("person", parent, "relation", "PARENT")));
        String path = "/api/v1/households/" + household;
        assertThat(memberIds(ok(http.as("karin").get(path)))).containsExactlyInAnyOrder(child, parent);

        created(http.as("lars").post("/api/v1/persons/" + parent + "/identity-protection", Map.of()));
        assertThat(http.as("karin").get(path).status()).as("nothing of it is the group leader's to read now").isEqualTo(403);
        assertThat(http.as("karin").get("/api/v1/cases?status=ALL&limit=200").text()).as("nor in her lists").doesNotContain(child);

        created(http.as("lars").post("/api/v1/persons/" + parent + "/identity-protection/lifting", Map.of()));
        assertThat(memberIds(ok(http.as("karin").get(path)))).containsExactlyInAnyOrder(child, parent);
    }

    @Test
    void givenAProtectedChildWhenTheSiblingsCaseWorkerReadsThenTheSiblingsFileIsProtectedAndTheChildIsHidden() {
        String household = UUID.randomUUID().toString();
        String hidden = created(http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(),
                "name", "Skyddat Syskon", "protectedIdentity", true))).field("personId");
        String sibling = Fixtures.registerChild(http);
        String hiddensCase = created(http.as("lars").post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", hidden,
                "household", household, "receivedAt", "2026-04-01T08:00:00Z"))).field("caseId");
        String siblingsCase = created(http.as("lars").post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", sibling,
                "household", household, "receivedAt", "2026-04-02T08:00:00Z"))).field("caseId");
        assertThat(http.as("karin").post("/api/v1/cases/" + siblingsCase + "/assignments", Map.of("assignee", "omar.hassan")).status())
                .as("the household's protection reaches the sibling's file").isEqualTo(403);
        created(http.as("lars").post("/api/v1/cases/" + siblingsCase + "/assignments", Map.of("assignee", "omar.hassan")));

        assertThat(http.as("anna").get("/api/v1/cases/" + siblingsCase).status()).isEqualTo(403);
        JsonNode omar = ok(http.as("omar").get("/api/v1/households/" + household));
        assertThat(memberIds(omar)).containsExactly(sibling);
        assertThat(omar.toString()).doesNotContain(hidden).doesNotContain(hiddensCase).doesNotContain("Skyddat");
    }

    @Test
    void givenAChildWhoseCaseInTheHouseholdMovedToAnotherUnitWhenReadThroughAnotherOfTheirCasesThenTheHouseholdDoesNotShowThem() {
        String household = UUID.randomUUID().toString();
        String child = Fixtures.registerChild(http);
        String sibling = Fixtures.registerChild(http);
        String moved = created(http.as("anna").post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child, "household", household,
                "receivedAt", "2026-04-01T08:00:00Z"))).field("caseId");
        created(http.as("anna").post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", sibling, "household", household,
                "receivedAt", "2026-04-01T08:00:00Z")));
        created(http.as("anna").post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-04-02T08:00:00Z")));
        created(http.as("anna").post("/api/v1/cases/" + moved + "/transfers", Map.of("toUnit", "central-reception", "reason", "Moved.")));
        assertThat(http.as("anna").get("/api/v1/persons/" + child + "/history").status()).as("anna reads the child by her own case").isEqualTo(200);

        JsonNode anna = ok(http.as("anna").get("/api/v1/households/" + household));

        assertThat(memberIds(anna)).as("the child is a member by the case anna may no longer read").containsExactly(sibling);
        assertThat(anna.toString()).doesNotContain(child).doesNotContain(moved);
        assertThat(memberIds(ok(http.as("sara").get("/api/v1/households/" + household)))).containsExactly(child);
    }

    @Test
    void givenTheRulesOfMembershipWhenBrokenThenEachIsRefusedWithItsCodeAndNothingIsWritten() {
        String household = UUID.randomUUID().toString();
        String members = "/api/v1/households/" + household + "/members";
        String person = Fixtures.registerChild(http);
        LedgerHttp anna = http.as("anna");
        created(anna.post(members, Map.of("person", person, "relation", "PARENT", "occurredAt", "2026-02-01T00:00:00Z")));

        refused(anna.post(members, Map.of("person", person, "relation", "GUARDIAN")), "ALREADY_A_HOUSEHOLD_MEMBER");
        refused(anna.post(members, Map.of("person", UUID.randomUUID().toString(), "relation", "PARENT")), "PERSON_NOT_REGISTERED");
        refused(anna.post(members + "/" + Fixtures.registerChild(http) + "/departure", Map.of()), "NOT_A_HOUSEHOLD_MEMBER");
        refused(anna.post(members + "/" + person + "/relation-changes", Map.of("relation", "PARENT")), "HOUSEHOLD_RELATION_UNCHANGED");
        refused(anna.post(members + "/" + person + "/relation-changes", Map.of("relation", "GUARDIAN", "occurredAt", "2026-01-01T00:00:00Z")),
                "HOUSEHOLD_CHANGE_OUT_OF_ORDER");
        refused(anna.post("/api/v1/households/" + UUID.randomUUID() + "/members/" + person + "/departure", Map.of()), "NOT_A_HOUSEHOLD_MEMBER");

        String erased = Fixtures.registerChild(http);
        created(http.as("eva").post("/api/v1/persons/" + erased + "/erasure", Map.of("reason", "REGISTERED_IN_ERROR")));
        refused(anna.post(members, Map.of("person", erased, "relation", "CHILD")), "PERSON_ERASED");

        created(anna.post(members + "/" + person + "/relation-changes", Map.of("relation", "GUARDIAN")));
        created(anna.post(members + "/" + person + "/departure", Map.of()));
        assertThat(member(ok(anna.get("/api/v1/households/" + household)), person).path("periods")).hasSize(2);
        assertThat(http.as("ivo").post(members, Map.of("person", person, "relation", "PARENT")).status()).isEqualTo(403);
    }

    @Test
    void givenAProtectedHouseholdOrAProtectedPersonWhenSomeoneWhoMayNotReadThemChangesTheMembershipThenItIsRefusedAndNothingIsWritten() {
        HouseholdFamily family = HouseholdFamily.make(http);
        String members = "/api/v1/households/" + family.household() + "/members";
        String sibling = Fixtures.registerChild(http);
        String hiddenElsewhere = created(http.as("sara").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(),
                "name", "Skyddad Annanstans", "protectedIdentity", true))).field("personId");
        long before = storedEvents();

        LedgerHttp.Response notBosWorker = http.as("anna").post(members, Map.of("person", sibling, "relation", "SIBLING"));
        LedgerHttp.Response leaving = http.as("anna").post(members + "/" + family.parent() + "/departure", Map.of());
        LedgerHttp.Response stranger = http.as("anna").post("/api/v1/households/" + UUID.randomUUID() + "/members",
                Map.of("person", hiddenElsewhere, "relation", "OTHER_ADULT"));

        assertThat(notBosWorker.status()).as("anna may not act on Bo's protected file: " + notBosWorker).isEqualTo(403);
        assertThat(leaving.status()).as(leaving.toString()).isEqualTo(403);
        assertThat(stranger.status()).as("a protected person of another unit is no one's to add here: " + stranger).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(http.as("lars").post(members, Map.of("person", sibling, "relation", "SIBLING")).status()).as("the unit head may")
                .isEqualTo(201);
    }

    @Test
    void givenAHouseholdNothingRefersToWhenReadThenItIsNotFoundAndTheAttemptIsLogged() {
        String household = UUID.randomUUID().toString();

        assertThat(http.as("anna").get("/api/v1/households/" + household).status()).isEqualTo(404);
        String caseId = Fixtures.openCase(http);
        assertThat(http.as("anna").get("/api/v1/households/" + caseId).status()).as("a case's id names no household").isEqualTo(404);
        assertThat(http.as("anna").post("/api/v1/households/" + caseId + "/members",
                Map.of("person", Fixtures.registerChild(http), "relation", "PARENT")).status()).isEqualTo(404);

        JsonNode log = ok(http.as("ivo").get("/api/v1/audit/access-log?user=anna.lind&limit=500"));
        assertThat(log.toString()).contains("household " + household).contains("NOT_FOUND");
    }

    @Test
    void givenAReadOfTheHouseholdThenEveryCaseAndMemberShownIsLoggedAsReadWithThePurpose() {
        HouseholdFamily family = HouseholdFamily.make(http);

        ok(http.as("omar").header("X-Purpose", "Planning a home visit").get("/api/v1/households/" + family.household()));

        JsonNode log = ok(http.as("ivo").get("/api/v1/audit/access-log?caseId=" + family.bosCase() + "&limit=100"));
        List<JsonNode> reads = new ArrayList<>();
        log.forEach(entry -> {
            if (entry.path("what").asString().equals("GET /api/v1/households/{householdId}")) {
                reads.add(entry);
            }
        });
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).path("staffId").asString()).isEqualTo("omar.hassan");
        assertThat(reads.get(0).path("outcome").asString()).isEqualTo("READ");
        assertThat(reads.get(0).path("purpose").asString()).isEqualTo("Planning a home visit");
        assertThat(ok(http.as("ivo").get("/api/v1/audit/access-log?caseId=" + family.alvasCase() + "&limit=100")).toString())
                .as("Alva's file was not shown to omar, so not read by him").doesNotContain("omar.hassan");
    }

    private static JsonNode ok(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static LedgerHttp.Response created(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }

    private void refused(LedgerHttp.Response response, String rule) {
        assertThat(response.status()).as(response.toString()).isIn(400, 409);
        assertThat(response.field("rule")).as(response.toString()).isEqualTo(rule);
    }

    static List<String> memberIds(JsonNode view) {
        List<String> ids = new ArrayList<>();
        view.path("members").forEach(member -> ids.add(member.path("personId").asString()));
        return ids;
    }

    static List<String> caseNumbers(JsonNode view) {
        List<String> numbers = new ArrayList<>();
        view.path("cases").forEach(file -> numbers.add(file.path("caseNumber").asString()));
        return numbers;
    }

    static List<String> types(JsonNode view) {
        List<String> types = new ArrayList<>();
        view.path("timeline").forEach(entry -> types.add(entry.path("type").asString()));
        return types;
    }

    private static List<String> whats(JsonNode view) {
        List<String> whats = new ArrayList<>();
        view.path("timeline").forEach(entry -> whats.add(entry.path("what").asString()));
        return whats;
    }

    private static JsonNode member(JsonNode view, String personId) {
        for (JsonNode member : view.path("members")) {
            if (member.path("personId").asString().equals(personId)) {
                return member;
            }
        }
        throw new AssertionError("no member " + personId + " in " + view);
    }
}
