package org.caseledger.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caseledger.api.access.AccessPolicy;
import org.caseledger.api.access.CaseAccessRepository;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/** The case list as an integrator and a member of staff use it: who sees what, filters, and paging through the Link header. */
class CaseListIT extends IntegrationTest {

    @Autowired
    private UserDetailsService users;

    @Autowired
    private CaseAccessRepository access;

    @Test
    void givenCasesOfTwoUnitsAndAProtectedOneWhenEachMemberOfStaffListsEveryPageThenTheyGetExactlyTheCasesThePolicyLetsThemRead() {
        String protectedChild = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Skyddad Person",
                "protectedIdentity", true)).field("personId");
        String protectedCase = Fixtures.openCaseOnSchoolReport(http, protectedChild).field("caseId");
        assertThat(http.as("lars").post("/api/v1/cases/" + protectedCase + "/assignments", Map.of("assignee", "omar.hassan")).status()).isEqualTo(200);
        String otherChild = http.as("sara").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Annan Enhet"))
                .field("personId");
        LedgerHttp.Response otherUnitOpened = http.as("sara").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", otherChild,
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "A report to another unit.")));
        assertThat(otherUnitOpened.status()).as(otherUnitOpened.toString()).isEqualTo(201);
        String otherUnitCase = otherUnitOpened.field("caseId");

        for (String user : List.of("anna", "omar", "karin", "lars", "sara", "mia", "ivo")) {
            StaffUser staff = (StaffUser) users.loadUserByUsername(user);
            Set<String> expected = access.findAll(allCaseIds()).stream().filter(target -> AccessPolicy.mayList(staff, target))
                    .map(target -> target.caseId().toString()).collect(Collectors.toSet());

            List<String> listed = everyPage(http.as(user), "/api/v1/cases?limit=200");

            assertThat(listed).as("cases listed to " + user).doesNotHaveDuplicates();
            assertThat(Set.copyOf(listed)).as("cases listed to " + user).isEqualTo(expected);
        }
        assertThat(everyPage(http.as("anna"), "/api/v1/cases?limit=200")).doesNotContain(protectedCase, otherUnitCase);
        assertThat(everyPage(http.as("omar"), "/api/v1/cases?limit=200")).contains(protectedCase).doesNotContain(otherUnitCase);
        assertThat(everyPage(http.as("ivo"), "/api/v1/cases?limit=200&unit=central-reception")).contains(otherUnitCase).doesNotContain(protectedCase);
        assertThat(http.as("anna").get("/api/v1/cases?unit=central-reception").status()).isEqualTo(403);
        assertThat(http.as("eva").get("/api/v1/cases").status()).isEqualTo(403);
    }

    @Test
    void givenMoreCasesThanAPageWhenFollowingTheNextLinksInEitherOrderThenEveryCaseComesOnceAndTheLastPageLinksNowhere() {
        for (int i = 0; i < 12; i++) {
            Fixtures.openCase(http);
        }
        for (String sort : List.of("lastActivity", "caseNumber")) {
            List<String> whole = ids(http.as("lars").get("/api/v1/cases?limit=200&sort=" + sort).json());
            assertThat(whole.size()).isLessThan(200);

            List<String> paged = everyPage(http.as("lars"), "/api/v1/cases?limit=7&sort=" + sort);

            assertThat(paged).as("pages of 7 in the order " + sort).isEqualTo(whole);
        }
        List<String> byNumber = numbers(http.as("lars").get("/api/v1/cases?limit=200&sort=caseNumber").json());
        assertThat(byNumber).isSorted();
    }

    @Test
    void givenACaseWhenFilteringByNumberChildStatusAndDatesThenTheFiltersFindItAndOnlyMatchingCases() {
        String child = Fixtures.registerChild(http);
        JsonNode opened = Fixtures.openCaseOnSchoolReport(http, child).json();
        String caseId = opened.path("caseId").asString();
        String number = opened.path("caseNumber").asString();
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        assertThat(ids(http.as("anna").get("/api/v1/cases?caseNumber=" + number).json())).containsExactly(caseId);
        assertThat(ids(http.as("anna").get("/api/v1/cases?child=" + child).json())).containsExactly(caseId);
        assertThat(ids(http.as("anna").get("/api/v1/cases?child=" + child + "&status=OPEN").json())).containsExactly(caseId);
        assertThat(ids(http.as("anna").get("/api/v1/cases?child=" + child + "&status=CLOSED").json())).isEmpty();
        assertThat(ids(http.as("anna").get("/api/v1/cases?child=" + child + "&openedFrom=2026-03-02&openedTo=2026-03-02").json()))
                .containsExactly(caseId);
        assertThat(ids(http.as("anna").get("/api/v1/cases?child=" + child + "&openedFrom=2026-03-03").json())).isEmpty();
        assertThat(ids(http.as("anna").get("/api/v1/cases?child=" + child + "&assignee=omar.hassan").json())).isEmpty();
        JsonNode listed = http.as("anna").get("/api/v1/cases?caseNumber=" + number).json().path("cases").get(0);
        assertThat(listed.path("status").asString()).isEqualTo("OPEN");
        assertThat(listed.path("openedAt").asString()).isEqualTo("2026-03-02T08:15:00Z");
        assertThat(listed.path("child").asString()).isEqualTo(child);
    }

    @Test
    void givenACaseWithA14DayCheckPassedAFreshOneAndAProtectedOneWhenFilteringByOverdueAndProtectedIdentityThenEachIsListedOnlyWhereItBelongs() {
        String late = Fixtures.openCaseOnSchoolReport(http, Fixtures.registerChild(http)).field("caseNumber");
        String fresh = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", Fixtures.registerChild(http),
                "household", UUID.randomUUID().toString(), "receivedAt", Instant.now().minusSeconds(3600).toString(),
                "report", Map.of("reporterType", "SCHOOL", "summary", "A report received an hour ago."))).field("caseNumber");
        String protectedChild = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Skyddad Person",
                "protectedIdentity", true)).field("personId");
        String hidden = Fixtures.openCaseOnSchoolReport(http, protectedChild).field("caseNumber");
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        for (String number : List.of(late, hidden)) {
            assertThat(numbers(http.as("lars").get("/api/v1/cases?overdue=true&caseNumber=" + number).json())).containsExactly(number);
            assertThat(numbers(http.as("lars").get("/api/v1/cases?overdue=false&caseNumber=" + number).json())).isEmpty();
        }
        assertThat(numbers(http.as("lars").get("/api/v1/cases?overdue=true&caseNumber=" + fresh).json())).isEmpty();
        assertThat(numbers(http.as("lars").get("/api/v1/cases?overdue=false&caseNumber=" + fresh).json())).containsExactly(fresh);
        assertThat(numbers(http.as("lars").get("/api/v1/cases?protectedIdentity=true&caseNumber=" + hidden).json())).containsExactly(hidden);
        assertThat(numbers(http.as("lars").get("/api/v1/cases?protectedIdentity=false&caseNumber=" + hidden).json())).isEmpty();
        assertThat(numbers(http.as("lars").get("/api/v1/cases?protectedIdentity=true&caseNumber=" + late).json())).isEmpty();
        assertThat(numbers(http.as("lars").get("/api/v1/cases?protectedIdentity=false&caseNumber=" + late).json())).containsExactly(late);
        assertThat(numbers(http.as("anna").get("/api/v1/cases?protectedIdentity=true&caseNumber=" + hidden).json()))
                .as("the filter widens nothing").isEmpty();
    }

    @Test
    void givenACursorThatIsNotOneTheLedgerGaveOutOrOfAnotherOrderWhenListingThenItIsRefusedAsABadRequest() {
        for (int i = 0; i < 3; i++) {
            Fixtures.openCase(http);
        }
        LedgerHttp.Response first = http.as("lars").get("/api/v1/cases?limit=1&sort=caseNumber");
        String next = first.json().path("next").asString();

        assertThat(http.as("lars").get("/api/v1/cases?limit=1&sort=lastActivity&cursor=" + next).status()).isEqualTo(400);
        assertThat(http.as("lars").get("/api/v1/cases?cursor=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
        assertThat(http.as("lars").get("/api/v1/cases?limit=0").status()).isEqualTo(400);
        assertThat(http.as("lars").get("/api/v1/cases?sort=name").status()).isEqualTo(400);
        assertThat(http.as("lars").get("/api/v1/cases?status=open").status()).isEqualTo(400);
    }

    @Test
    void givenACaseOfManyEventsWhenReadingItsHistoryInPagesThenThePagesFollowedByTheirLinksMakeTheWholeHistory() {
        String caseId = Fixtures.openCase(http);
        for (int i = 0; i < 5; i++) {
            assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Note " + i)).status()).isEqualTo(201);
        }
        JsonNode whole = http.as("anna").get("/api/v1/cases/" + caseId + "/history").json();

        List<Long> paged = new ArrayList<>();
        String path = "/api/v1/cases/" + caseId + "/history?limit=3";
        while (path != null) {
            LedgerHttp.Response page = http.as("anna").get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().size()).isLessThanOrEqualTo(3);
            page.json().forEach(entry -> paged.add(entry.path("sequenceNumber").asLong()));
            path = page.nextPage();
        }

        assertThat(whole.size()).isEqualTo(7);
        assertThat(paged).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(http.as("anna").get("/api/v1/cases/" + caseId + "/history?limit=1001").status()).isEqualTo(400);
    }

    /** Every case of every page, following the Link header from the first page to the last. */
    private static List<String> everyPage(LedgerHttp http, String first) {
        List<String> listed = new ArrayList<>();
        String path = first;
        Set<String> seen = new LinkedHashSet<>();
        while (path != null) {
            assertThat(seen.add(path)).as("a page links to itself or an earlier one: " + path).isTrue();
            LedgerHttp.Response page = http.get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            listed.addAll(ids(page.json()));
            assertThat(page.nextPage() == null).as("the Link header and next agree").isEqualTo(page.json().path("next").isNull()
                    || page.json().path("next").isMissingNode());
            path = page.nextPage();
        }
        return listed;
    }

    private List<UUID> allCaseIds() {
        return jdbc.sql("SELECT case_id FROM case_access").query(UUID.class).list();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("cases").findValuesAsString("caseId");
    }

    private static List<String> numbers(JsonNode page) {
        return page.path("cases").findValuesAsString("caseNumber");
    }
}
