package org.caseledger.api.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.Then;
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

        JsonNode head = when("lars").gets(path).isOk();
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
        assertThat(when("ivo").gets(path).isOk().path("members")).hasSize(4);

        JsonNode anna = when("anna").gets(path).isOk();
        assertThat(memberIds(anna)).as("Alva's case worker: Alva through her case, and the household's recorded members")
                .containsExactlyInAnyOrder(family.alva(), family.bo(), family.parent(), family.otherAdult());
        assertThat(caseNumbers(anna)).containsExactly(family.alvasCaseNumber());
        assertThat(anna.toString()).doesNotContain(family.bosCase());

        JsonNode omar = when("omar").gets(path).isOk();
        assertThat(memberIds(omar)).as("Bo's case worker may not read Alva's case, so not Alva either")
                .containsExactlyInAnyOrder(family.bo(), family.parent(), family.otherAdult());
        assertThat(caseNumbers(omar)).containsExactly(family.bosCaseNumber());
        assertThat(omar.toString()).doesNotContain(family.alva()).doesNotContain(family.alvasCase()).doesNotContain("Alva");

        JsonNode karin = when("karin").gets(path).isOk();
        assertThat(karin.path("members")).as("the group leader reads neither protected file").isEmpty();
        assertThat(karin.path("cases")).isEmpty();
        assertThat(types(karin)).containsExactly("ConversationWithoutAidHeld");
        assertThat(karin.toString()).doesNotContain(family.parent()).doesNotContain(HouseholdFamily.PARENT_NAME).doesNotContain("19880409");

        for (String refused : List.of("sara", "mia", "eva")) {
            assertThat(when(refused).gets(path).as(refused).isForbidden().text()).doesNotContain(HouseholdFamily.PARENT_NAME);
        }
        assertThat(when("sara").gets(path).answer().field("detail"))
                .contains("Hushållet har inget ärende, ingen medlem och inget uppsökande arbete");
    }

    @Test
    void givenAParentWhoseProtectionIsGrantedAndThenLiftedWhenTheGroupLeaderReadsThenTheHouseholdClosesAndOpensWithIt() {
        String household = UUID.randomUUID().toString();
        String child = given().aRegisteredChild();
        given().that("anna").posted("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child, "household", household,
                "receivedAt", "2026-04-01T08:00:00Z"));
        String parent = given().aRegisteredChild();
        given().that("anna").posted("/api/v1/households/" + household + "/members", Map.of("person", parent, "relation", "PARENT"));
        String path = "/api/v1/households/" + household;
        assertThat(memberIds(when("karin").gets(path).isOk())).containsExactlyInAnyOrder(child, parent);

        when("lars").posts("/api/v1/persons/" + parent + "/identity-protection", Map.of()).isRecorded();
        when("karin").gets(path).as("nothing of it is the group leader's to read now").isForbidden();
        assertThat(when("karin").gets("/api/v1/cases?status=ALL&limit=200").answer().text()).as("nor in her lists").doesNotContain(child);

        when("lars").posts("/api/v1/persons/" + parent + "/identity-protection/lifting", Map.of()).isRecorded();
        assertThat(memberIds(when("karin").gets(path).isOk())).containsExactlyInAnyOrder(child, parent);
    }

    @Test
    void givenAProtectedChildWhenTheSiblingsCaseWorkerReadsThenTheSiblingsFileIsProtectedAndTheChildIsHidden() {
        String household = UUID.randomUUID().toString();
        String hidden = given().that("anna").posted("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(),
                "name", "Skyddat Syskon", "protectedIdentity", true)).field("personId");
        String sibling = given().aRegisteredChild();
        String hiddensCase = given().that("lars").posted("/api/v1/cases", Map.of("origin", "APPLICATION", "child", hidden,
                "household", household, "receivedAt", "2026-04-01T08:00:00Z")).field("caseId");
        String siblingsCase = given().that("lars").posted("/api/v1/cases", Map.of("origin", "APPLICATION", "child", sibling,
                "household", household, "receivedAt", "2026-04-02T08:00:00Z")).field("caseId");
        when("karin").posts("/api/v1/cases/" + siblingsCase + "/assignments", Map.of("assignee", "omar.hassan"))
                .as("the household's protection reaches the sibling's file").isForbidden();
        when("lars").posts("/api/v1/cases/" + siblingsCase + "/assignments", Map.of("assignee", "omar.hassan")).isRecorded();

        when("anna").gets("/api/v1/cases/" + siblingsCase).isForbidden();
        JsonNode omar = when("omar").gets("/api/v1/households/" + household).isOk();
        assertThat(memberIds(omar)).containsExactly(sibling);
        assertThat(omar.toString()).doesNotContain(hidden).doesNotContain(hiddensCase).doesNotContain("Skyddat");
    }

    @Test
    void givenAChildWhoseCaseInTheHouseholdMovedToAnotherUnitWhenReadThroughAnotherOfTheirCasesThenTheHouseholdDoesNotShowThem() {
        String household = UUID.randomUUID().toString();
        String child = given().aRegisteredChild();
        String sibling = given().aRegisteredChild();
        String moved = given().that("anna").posted("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child, "household", household,
                "receivedAt", "2026-04-01T08:00:00Z")).field("caseId");
        given().that("anna").posted("/api/v1/cases", Map.of("origin", "APPLICATION", "child", sibling, "household", household,
                "receivedAt", "2026-04-01T08:00:00Z"));
        given().that("anna").posted("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-04-02T08:00:00Z"));
        given().that("anna").posted("/api/v1/cases/" + moved + "/transfers", Map.of("toUnit", "central-reception", "reason", "Moved."));
        when("anna").gets("/api/v1/persons/" + child + "/history").as("anna reads the child by her own case").hasStatus(200);

        JsonNode anna = when("anna").gets("/api/v1/households/" + household).isOk();

        assertThat(memberIds(anna)).as("the child is a member by the case anna may no longer read").containsExactly(sibling);
        assertThat(anna.toString()).doesNotContain(child).doesNotContain(moved);
        assertThat(memberIds(when("sara").gets("/api/v1/households/" + household).isOk())).containsExactly(child);
    }

    @Test
    void givenTheRulesOfMembershipWhenBrokenThenEachIsRefusedWithItsCodeAndNothingIsWritten() {
        String household = UUID.randomUUID().toString();
        String members = "/api/v1/households/" + household + "/members";
        String person = given().aRegisteredChild();
        given().that("anna").posted(members, Map.of("person", person, "relation", "PARENT", "occurredAt", "2026-02-01T00:00:00Z"));

        when("anna").posts(members, Map.of("person", person, "relation", "GUARDIAN")).isRefusedBy("ALREADY_A_HOUSEHOLD_MEMBER");
        when("anna").posts(members, Map.of("person", UUID.randomUUID().toString(), "relation", "PARENT")).isRefusedBy("PERSON_NOT_REGISTERED");
        when("anna").posts(members + "/" + given().aRegisteredChild() + "/departure", Map.of()).isRefusedBy("NOT_A_HOUSEHOLD_MEMBER");
        when("anna").posts(members + "/" + person + "/relation-changes", Map.of("relation", "PARENT"))
                .isRefusedBy("HOUSEHOLD_RELATION_UNCHANGED");
        when("anna").posts(members + "/" + person + "/relation-changes", Map.of("relation", "GUARDIAN", "occurredAt", "2026-01-01T00:00:00Z"))
                .isRefusedBy("HOUSEHOLD_CHANGE_OUT_OF_ORDER");
        when("anna").posts("/api/v1/households/" + UUID.randomUUID() + "/members/" + person + "/departure", Map.of())
                .isRefusedBy("NOT_A_HOUSEHOLD_MEMBER");

        String erased = given().aRegisteredChild();
        given().that("eva").posted("/api/v1/persons/" + erased + "/erasure", Map.of("reason", "REGISTERED_IN_ERROR"));
        when("anna").posts(members, Map.of("person", erased, "relation", "CHILD")).isRefusedBy("PERSON_ERASED");

        when("anna").posts(members + "/" + person + "/relation-changes", Map.of("relation", "GUARDIAN")).isRecorded();
        when("anna").posts(members + "/" + person + "/departure", Map.of()).isRecorded();
        assertThat(member(when("anna").gets("/api/v1/households/" + household).isOk(), person).path("periods")).hasSize(2);
        when("ivo").posts(members, Map.of("person", person, "relation", "PARENT")).isForbidden();
    }

    @Test
    void givenAProtectedHouseholdOrAProtectedPersonWhenSomeoneWhoMayNotReadThemChangesTheMembershipThenItIsRefusedAndNothingIsWritten() {
        HouseholdFamily family = HouseholdFamily.make(http);
        String members = "/api/v1/households/" + family.household() + "/members";
        String sibling = given().aRegisteredChild();
        String hiddenElsewhere = given().that("sara").posted("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(),
                "name", "Skyddad Annanstans", "protectedIdentity", true)).field("personId");
        long before = storedEvents();

        Then notBosWorker = when("anna").posts(members, Map.of("person", sibling, "relation", "SIBLING"));
        Then leaving = when("anna").posts(members + "/" + family.parent() + "/departure", Map.of());
        Then stranger = when("anna").posts("/api/v1/households/" + UUID.randomUUID() + "/members",
                Map.of("person", hiddenElsewhere, "relation", "OTHER_ADULT"));

        notBosWorker.as("anna may not act on Bo's protected file").isForbidden();
        leaving.isForbidden();
        stranger.as("a protected person of another unit is no one's to add here").isForbidden();
        assertThat(storedEvents()).isEqualTo(before);
        when("lars").posts(members, Map.of("person", sibling, "relation", "SIBLING")).as("the unit head may").isCreated();
    }

    @Test
    void givenAHouseholdNothingRefersToWhenReadThenItIsNotFoundAndTheAttemptIsLogged() {
        String household = UUID.randomUUID().toString();

        when("anna").gets("/api/v1/households/" + household).isNotFound();
        String caseId = given().anOpenCase();
        when("anna").gets("/api/v1/households/" + caseId).as("a case's id names no household").isNotFound();
        when("anna").posts("/api/v1/households/" + caseId + "/members", Map.of("person", given().aRegisteredChild(), "relation", "PARENT"))
                .isNotFound();

        JsonNode log = when("ivo").gets("/api/v1/audit/access-log?user=anna.lind&limit=500").isOk();
        assertThat(log.toString()).contains("household " + household).contains("NOT_FOUND");
    }

    @Test
    void givenAReadOfTheHouseholdThenEveryCaseAndMemberShownIsLoggedAsReadWithThePurpose() {
        HouseholdFamily family = HouseholdFamily.make(http);

        when("omar").withHeader("X-Purpose", "Planning a home visit").gets("/api/v1/households/" + family.household()).isOk();

        JsonNode log = when("ivo").gets("/api/v1/audit/access-log?caseId=" + family.bosCase() + "&limit=100").isOk();
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
        assertThat(when("ivo").gets("/api/v1/audit/access-log?caseId=" + family.alvasCase() + "&limit=100").isOk().toString())
                .as("Alva's file was not shown to omar, so not read by him").doesNotContain("omar.hassan");
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
