package org.caseledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.BrowserCookies;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.ProblemChecks;
import org.caseledger.projections.metrics.MetricsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The pages over plain HTTP: sign-in by form with its CSRF token, malformed input answered with a readable page
 * and never a 500 (a malformed language included, with nothing logged), stored text shown as text and never as
 * markup, and the content security policy sent.
 */
class PagesIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void malformedInputToThePagesIsAnsweredWithAReadablePageAndNever500() throws Exception {
        String caseId = Fixtures.openCase(http);
        HttpClient anna = signedIn("anna");

        assertPage(get(anna, "/ui/cases/not-a-case-id"), 400);
        assertPage(get(anna, "/ui/cases/" + UUID.randomUUID()), 404);
        assertPage(get(anna, "/ui/cases/" + caseId + "?step=abc"), 400);
        assertPage(get(anna, "/ui/cases/" + caseId + "?asOf=yesterday"), 400);
        assertPage(get(anna, "/ui/cases/" + caseId + "?step=-5"), 200);
        assertPage(get(anna, "/ui/cases/" + caseId + "?step=999999"), 200);
        assertPage(get(anna, "/ui/dashboard?from=2026-13-01"), 400);
        assertPage(get(anna, "/ui/dashboard?from=2026-06-01&to=2026-01-01"), 400);
        assertPage(get(anna, "/ui/dashboard?unit=central-reception"), 403);
        assertPage(get(anna, "/ui/cases?unit=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8)), 400);
        assertPage(get(anna, "/ui/cases?assignee=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8)), 400);
        assertPage(get(anna, "/ui/cases?sort=name"), 400);
        assertPage(get(anna, "/ui/cases?status=open"), 400);
        assertPage(get(anna, "/ui/cases?cursor=bm90LWEtY3Vyc29y"), 400);
        assertPage(get(anna, "/ui/cases?page=two"), 400);
        assertPage(get(signedIn("sara"), "/ui/cases/" + caseId), 403);
    }

    @Test
    void anErrorPageSaysWhatIsWrongInThePageLanguageWithoutTheCodeBehindIt() throws Exception {
        HttpClient anna = signedIn("anna");

        HttpResponse<String> swedish = get(anna, "/ui/dashboard?from=2026-06-01&to=2026-01-01");
        HttpResponse<String> english = get(anna, "/ui/dashboard?from=2026-06-01&to=2026-01-01&lang=en");

        assertPage(swedish, 400);
        assertThat(swedish.body()).contains("to: perioden får vara högst 10 år och måste gå framåt");
        assertThat(english.body()).contains("to: the period may span at most 10 years and must run forwards");
        assertThat(swedish.body() + english.body()).doesNotContainPattern(ProblemChecks.CODE_NAMES);
    }

    @Test
    void storedTextIsShownAsTextNeverAsMarkupUnderAStrictContentSecurityPolicy() throws Exception {
        String caseId = Fixtures.openCase(http);
        http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "<script>alert('note')</script><b>bold</b>"));

        HttpResponse<String> page = get(signedIn("lars"), "/ui/cases/" + caseId);

        assertPage(page, 200);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>alert").doesNotContain("<b>bold");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void thePagesAnswerInEnglishOnRequestAndRememberIt() throws Exception {
        HttpClient lars = signedIn("lars");

        assertThat(get(lars, "/ui/cases").body()).contains("Ärenden i vivalla");
        assertThat(get(lars, "/ui/cases?lang=en").body()).contains("Cases of vivalla");
        assertThat(get(lars, "/ui/cases").body()).contains("Cases of vivalla");
    }

    @Test
    void givenAnOpenCaseWhenACaseWorkerSearchesItsNumberThenTheListShowsItAsOpen() throws Exception {
        JsonNode opened = Fixtures.openCaseOnSchoolReport(http, Fixtures.registerChild(http)).json();
        String number = opened.path("caseNumber").asString();
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        HttpResponse<String> page = get(signedIn("anna"), "/ui/cases?number=" + number);

        assertPage(page, 200);
        assertThat(caseNumbers(page)).containsExactly(number);
        assertThat(text(page)).contains("Öppet").contains("2026-03-02 09:15");
    }

    @Test
    void givenMoreCasesThanTwoPagesWhenFollowingNextPageThenEveryCaseComesOnceInOrderAndPreviousAndFirstPageLeadBack() throws Exception {
        for (int i = 0; i < 101; i++) {
            Fixtures.openCase(http);
        }
        HttpClient lars = signedIn("lars");
        String firstPath = "/ui/cases?status=ALL&sort=caseNumber";
        List<String> firstPage = caseNumbers(get(lars, firstPath));

        List<String> listed = new ArrayList<>();
        String path = firstPath;
        int pages = 0;
        String firstLink = null;
        List<String> secondPage = null;
        String previousOfThird = null;
        while (path != null) {
            HttpResponse<String> page = get(lars, path);
            assertPage(page, 200);
            List<String> numbers = caseNumbers(page);
            assertThat(numbers).hasSizeLessThanOrEqualTo(50);
            assertThat(numbers).as("cases listed on an earlier page").noneMatch(listed::contains);
            listed.addAll(numbers);
            pages++;
            if (pages == 2) {
                firstLink = link(page, "first-page");
                secondPage = numbers;
                assertThat(text(page)).contains("Sida 2");
            }
            if (pages == 3) {
                previousOfThird = link(page, "previous-page");
            }
            path = link(page, "next-page");
        }

        assertThat(pages).isGreaterThan(1);
        assertThat(listed).doesNotHaveDuplicates().isSortedAccordingTo(String::compareTo);
        assertThat(listed).hasSize(jdbc.sql("SELECT count(*) FROM case_access WHERE unit = 'vivalla'").query(Integer.class).single());
        assertThat(firstLink).isNotNull();
        assertThat(caseNumbers(get(lars, firstLink))).isEqualTo(firstPage);
        assertThat(previousOfThird).isNotNull();
        HttpResponse<String> backToSecond = get(lars, previousOfThird);
        assertThat(caseNumbers(backToSecond)).isEqualTo(secondPage);
        assertThat(text(backToSecond)).contains("Sida 2");
    }

    @Test
    void givenAnOpenAndAClosedCaseWhenFilteringByStatusThenEachStatusListsOnlyItsCases() throws Exception {
        String open = Fixtures.openCaseOnSchoolReport(http, Fixtures.registerChild(http)).field("caseNumber");
        LedgerHttp.Response toClose = Fixtures.openCaseOnSchoolReport(http, Fixtures.registerChild(http));
        String closed = toClose.field("caseNumber");
        LedgerHttp.Response closure = http.as("anna").post("/api/v1/cases/" + toClose.field("caseId") + "/closure",
                Map.of("reason", "No further concern."));
        assertThat(closure.status()).as(closure.toString()).isEqualTo(200);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        HttpClient anna = signedIn("anna");

        assertThat(caseNumbers(get(anna, "/ui/cases?number=" + open))).containsExactly(open);
        assertThat(caseNumbers(get(anna, "/ui/cases?number=" + closed))).isEmpty();
        assertThat(caseNumbers(get(anna, "/ui/cases?status=CLOSED&number=" + open))).isEmpty();
        HttpResponse<String> closedPage = get(anna, "/ui/cases?status=CLOSED&number=" + closed);
        assertThat(caseNumbers(closedPage)).containsExactly(closed);
        assertThat(text(closedPage)).contains("Avslutat");
        assertThat(caseNumbers(get(anna, "/ui/cases?status=ALL&number=" + closed))).containsExactly(closed);
        assertPage(get(anna, "/ui/cases?status=open"), 400);
    }

    @Test
    void givenCasesOfTwoUnitsWhenTheAuditorOpensTheListThenAllUnitsAreListedWithAChoiceOfUnitAndAHint() throws Exception {
        String vivalla = Fixtures.openCaseOnSchoolReport(http, Fixtures.registerChild(http)).field("caseNumber");
        String otherChild = http.as("sara").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Annan Enhet"))
                .field("personId");
        String centralReception = http.as("sara").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", otherChild,
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "A report to another unit."))).field("caseNumber");
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        HttpClient ivo = signedIn("ivo");

        HttpResponse<String> allUnits = get(ivo, "/ui/cases");
        HttpResponse<String> oneUnit = get(ivo, "/ui/cases?unit=central-reception");

        assertPage(allUnits, 200);
        assertThat(allUnits.body()).contains("<select id=\"unit\" name=\"unit\">");
        assertThat(text(allUnits)).contains("Ärenden i alla enheter").contains("Alla enheter")
                .contains("Välj en enhet eller sök på ärendenummer");
        assertThat(caseNumbers(allUnits)).contains(vivalla, centralReception);
        assertThat(text(oneUnit)).contains("Ärenden i central-reception").doesNotContain("Välj en enhet");
        assertThat(caseNumbers(oneUnit)).contains(centralReception).doesNotContain(vivalla);
        HttpClient anna = signedIn("anna");
        HttpResponse<String> own = get(anna, "/ui/cases");
        assertThat(own.body()).doesNotContain("id=\"unit\"");
        assertThat(text(own)).contains("Ärenden i vivalla").doesNotContain("Alla enheter").doesNotContain("Välj en enhet");
        assertPage(get(anna, "/ui/cases?unit=central-reception"), 403);
    }

    @Test
    void givenAProtectedCaseAssignedToOmarWhenTheUnitListsItThenTheUnitHeadSeesItOmarFindsItAmongHisAndAnnaDoesNotSeeIt() throws Exception {
        String child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Skyddad Person",
                "protectedIdentity", true)).field("personId");
        LedgerHttp.Response opened = Fixtures.openCaseOnSchoolReport(http, child);
        String number = opened.field("caseNumber");
        assertThat(http.as("lars").post("/api/v1/cases/" + opened.field("caseId") + "/assignments", Map.of("assignee", "omar.hassan")).status())
                .isEqualTo(200);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        HttpClient lars = signedIn("lars");
        assertThat(caseNumbers(get(lars, "/ui/cases?number=" + number))).containsExactly(number);
        assertThat(caseNumbers(get(lars, "/ui/cases?assignee=mine&number=" + number))).as("not assigned to lars").isEmpty();
        assertThat(caseNumbers(get(signedIn("omar"), "/ui/cases?assignee=mine&number=" + number))).containsExactly(number);
        assertThat(caseNumbers(get(signedIn("anna"), "/ui/cases?number=" + number))).isEmpty();
    }

    @Test
    void givenNamesakesInTwoUnitsWhenStaffSearchByNameOrNumberThenEachFindsTheCasesTheyMayReadAndTheSearchIsPostedAndLogged()
            throws Exception {
        String surname = "Sökbar" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        String number = Fixtures.identityNumber();
        String vivallaChild = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", number, "name", "Tove Åsa " + surname))
                .field("personId");
        String vivallaCase = Fixtures.openCaseOnSchoolReport(http, vivallaChild).field("caseNumber");
        String otherChild = http.as("sara").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Tove " + surname))
                .field("personId");
        String otherCase = http.as("sara").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", otherChild,
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "A report to another unit."))).field("caseNumber");
        HttpClient anna = signedIn("anna");
        long before = jdbc.sql("SELECT coalesce(max(position), 0) FROM access_log").query(Long.class).single();

        HttpResponse<String> byName = search(anna, surname.toUpperCase(java.util.Locale.ROOT) + " tove");

        assertPage(byName, 200);
        assertThat(caseNumbers(byName)).containsExactly(vivallaCase);
        assertThat(text(byName)).contains("Ärenden för barn som matchar sökningen: 1");
        assertThat(caseNumbers(search(anna, "åsa " + surname))).containsExactly(vivallaCase);
        assertThat(caseNumbers(search(anna, surname.substring(0, surname.length() - 1)))).as("a part of a word").isEmpty();
        assertThat(caseNumbers(search(anna, number))).containsExactly(vivallaCase);
        assertThat(caseNumbers(search(anna, number.replace("-", "")))).containsExactly(vivallaCase);
        assertThat(caseNumbers(search(signedIn("sara"), "tove " + surname))).containsExactly(otherCase);
        assertThat(caseNumbers(search(signedIn("ivo"), "tove " + surname))).containsExactlyInAnyOrder(vivallaCase, otherCase);
        assertPage(search(anna, "121212-1212"), 400);

        List<Map<String, Object>> logged = jdbc.sql("SELECT what, detail, outcome, person_id::text AS person, case_id::text AS case_id "
                + "FROM access_log WHERE position > ? AND staff_id = 'anna.lind' ORDER BY position").param(before).query().listOfRows();
        assertThat(logged).anySatisfy(row -> assertThat(row).containsEntry("person", vivallaChild).containsEntry("outcome", "READ"));
        assertThat(logged).anySatisfy(row -> assertThat(row).containsEntry("person", otherChild).containsEntry("outcome", "REFUSED"));
        assertThat(logged).anySatisfy(row -> assertThat(row).containsEntry("what", "case list").containsEntry("detail", "POST /ui/cases/search"));
        assertThat(logged.toString()).as("neither the name nor the number is logged").doesNotContain(surname).doesNotContain(number);

        HttpResponse<String> forged = anna.send(HttpRequest.newBuilder(URI.create(url("/ui/cases/search")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("who=" + surname)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a search without the form's token").isEqualTo(403);

        assertThat(http.as("lars").post("/api/v1/persons/" + vivallaChild + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST")).status())
                .isEqualTo(200);
        assertThat(caseNumbers(search(anna, "tove " + surname))).as("after the erasure").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM name_lookup WHERE person_id = ?::uuid").param(vivallaChild).query(Long.class).single())
                .isZero();
    }

    /** The case list's search form, posted with the token of the page it stands on. */
    private HttpResponse<String> search(HttpClient client, String who) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get(client, "/ui/cases").body());
        assertThat(token.find()).as("the search form carries a CSRF token").isTrue();
        String form = "who=" + URLEncoder.encode(who, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(url("/ui/cases/search")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenAPageOfTheListWhenItIsShownThenEveryCaseOnItIsLoggedAsRead() throws Exception {
        Fixtures.openCase(http);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        HttpClient karin = signedIn("karin");
        long before = jdbc.sql("SELECT coalesce(max(position), 0) FROM access_log").query(Long.class).single();

        HttpResponse<String> page = get(karin, "/ui/cases?status=ALL");

        List<String> shown = caseIds(page);
        assertThat(shown).isNotEmpty();
        List<String> logged = jdbc.sql("SELECT case_id::text FROM access_log WHERE position > ? AND staff_id = 'karin.berg' "
                + "AND what = 'case list' ORDER BY position").param(before).query(String.class).list();
        assertThat(logged).containsExactlyInAnyOrderElementsOf(shown);
    }

    @Test
    void theCaseListShowsWordsNeverRawCodesOrPlaceholdersAndTimesInSwedishLocalTime() throws Exception {
        String caseId = Fixtures.openCase(http);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        List<HttpResponse<String>> pages = new ArrayList<>();
        for (String user : List.of("anna", "lars", "ivo")) {
            HttpClient client = signedIn(user);
            for (String query : List.of("", "?status=CLOSED", "?status=ALL&sort=caseNumber", "?assignee=mine", "?number=none")) {
                pages.add(get(client, "/ui/cases" + query));
            }
            pages.add(get(client, "/ui/cases?status=ALL&lang=en"));
        }

        assertThat(pages).allSatisfy(page -> {
            assertPage(page, 200);
            assertThat(text(page)).as(page.uri().toString())
                    .doesNotContainPattern("\\b(OPEN|CLOSED|ALL|SOCIAL_SECRETARY|GROUP_LEADER|UNIT_HEAD|AUDITOR|ADMINISTRATOR)\\b")
                    .doesNotContain("{").doesNotContain("}").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d")
                    .doesNotContainPattern(ProblemChecks.CODE_NAMES);
            assertThat(title(page)).as(page.uri().toString()).doesNotContain("{");
        });
        assertThat(text(get(signedIn("anna"), "/ui/cases?status=ALL"))).contains("2026-03-02 09:15");
        assertThat(caseId).isNotBlank();
    }

    @Test
    void givenACaseWithADecisionANoteAndItsReadersWhenItsPageIsShownThenStatusesDecisionsRolesAndTimesAreWordsInSwedishTime()
            throws Exception {
        String caseId = Fixtures.openCase(http);
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/decisions", Map.of("kind", "OPEN_INVESTIGATION",
                "legalBasis", "SFS2025:400-20kap2", "rationale", "Two reports.")).status()).isEqualTo(201);
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Home visit.")).status()).isEqualTo(201);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        String swedish = text(get(signedIn("lars"), "/ui/cases/" + caseId));
        String english = text(get(signedIn("ivo"), "/ui/cases/" + caseId + "?lang=en"));

        for (String page : List.of(swedish, english)) {
            assertThat(page).doesNotContainPattern("\\b(OPEN|CLOSED|OPEN_INVESTIGATION|SOCIAL_SECRETARY|GROUP_LEADER|UNIT_HEAD|AUDITOR|READ)\\b")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d").doesNotContain("??")
                    .as("the normal state after a write is no alarm in English").doesNotContain("checkpoint;");
        }
        assertThat(swedish).contains("Öppet").contains("Inleda utredning").contains("socialsekreterare").contains("2026-03-02 09:20");
        assertThat(english).contains("Open an investigation").contains("read");
        HttpResponse<String> asOfDay = get(signedIn("lars"), "/ui/cases/" + caseId + "?asOf=2026-03-02");
        assertPage(asOfDay, 200);
        assertThat(asOfDay.body()).contains("value=\"2026-03-02 23:59\"");
        assertPage(get(signedIn("lars"), "/ui/cases/" + caseId + "?asOf=2026-03-02%2009:20"), 200);
        assertPage(get(signedIn("lars"), "/ui/cases/" + caseId + "?asOf=yesterday"), 400);
    }

    @Test
    void givenACaseReadThroughTheApiAndThePagesWhenTheAuditorOpensItThenWhoReadWhatIsSaidInWordsNeverAsAPath()
            throws Exception {
        String caseId = Fixtures.openCase(http);
        http.as("anna").get("/api/v1/cases/" + caseId + "/timeline");
        get(signedIn("lars"), "/ui/cases/" + caseId);

        String swedish = text(get(signedIn("ivo"), "/ui/cases/" + caseId));
        String english = text(get(signedIn("ivo"), "/ui/cases/" + caseId + "?lang=en"));

        String readers = swedish.substring(swedish.indexOf("Vem har läst ärendet"));
        assertThat(readers).contains("tidslinjen, via API:t").contains("ärendesidan").doesNotContain("/api/v1/").doesNotContain("GET ");
        assertThat(english.substring(english.indexOf("Who has read this case")))
                .contains("the timeline, through the API").contains("the case page").doesNotContain("/api/v1/");
    }

    @Test
    void givenACaseWhenAUnitHeadOrAnAuditorOpensItsPageThenTheyDownloadThePdfAndTheSignedFileAndACaseWorkerMayNot()
            throws Exception {
        String caseId = Fixtures.openCase(http);
        HttpClient lars = signedIn("lars");
        HttpClient anna = signedIn("anna");

        HttpResponse<String> page = get(lars, "/ui/cases/" + caseId);
        HttpResponse<byte[]> pdf = lars.send(HttpRequest.newBuilder(URI.create(url(link(page, "download-pdf")))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> signed = get(signedIn("ivo"), "/ui/cases/" + caseId + "/case-file.json");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).contains("\"signature\"");
        assertThat(link(get(anna, "/ui/cases/" + caseId), "download-pdf")).as("no download offered to case work").isNull();
        assertThat(get(anna, "/ui/cases/" + caseId + "/case-file.pdf").statusCode()).isEqualTo(403);
        assertThat(get(anna, "/ui/cases/" + caseId + "/case-file.json").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE what = 'GET /ui/cases/{caseId}/case-file.pdf' AND outcome = ?")
                .param("REFUSED").query(Long.class).single()).isPositive();
    }

    @Test
    void givenEnglishChosenWhenTheCaseListIsShownThenItsWordsAreEnglish() throws Exception {
        String number = Fixtures.openCaseOnSchoolReport(http, Fixtures.registerChild(http)).field("caseNumber");
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        HttpClient ivo = signedIn("ivo");

        String english = text(get(ivo, "/ui/cases?lang=en&status=ALL&number=" + number));

        assertThat(english).contains("Cases of all units", "All units", "Status", "Case worker", "Any case worker", "My cases",
                "Case number", "Order", "Latest activity first", "By case number", "Find", "Opened", "Latest activity", "Open",
                "Page 1 · cases you may read: 1", "auditor");
        assertThat(english).as("no Swedish letter on the English page").doesNotContainPattern("[åäöÅÄÖ]");
        assertThat(english).doesNotContain("Ärende").doesNotContain("Öppet").doesNotContain("Sök").doesNotContain("Alla")
                .doesNotContain("Sida").doesNotContain("(granskare)").doesNotContain("Handläggare");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMalformedLanguageFallsBackToSwedishWithNoErrorLogged(CapturedOutput log) throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().cookieHandler(BrowserCookies.manager()).build();
        String script = URLEncoder.encode("<script>", StandardCharsets.UTF_8);

        HttpResponse<String> login = get(anonymous, "/login?lang=" + script);
        HttpResponse<String> loginWithCookie = anonymous.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Cookie", "ledger-language=<script>").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> cases = get(signedIn("lars"), "/ui/cases?lang=" + URLEncoder.encode("en_<b>", StandardCharsets.UTF_8));

        assertThat(List.of(login, loginWithCookie, cases)).allSatisfy(page -> assertPage(page, 200));
        assertThat(login.body()).contains("Logga in");
        assertThat(loginWithCookie.body()).contains("Logga in");
        assertThat(cases.body()).contains("Ärenden i vivalla");
        assertThat(log.getAll()).doesNotContain("Unexpected error").doesNotContain("<script>").doesNotContainPattern("\\n\\tat ");
    }

    @Test
    void givenAHearingOf2015RecordedTodayThatTurnedAMissWhenTheCasePageAndTheDashboardAreShownThenBothSayItWasRecordedLate()
            throws Exception {
        // Given an investigation of May 2015, closed with the child not heard, and the hearing recorded today
        String child = Fixtures.registerChild(http);
        LedgerHttp.Response opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", "2015-05-04T08:00:00Z", "occurredAt", "2015-05-04T08:00:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "Worried.", "receivedAt", "2015-05-04T08:00:00Z",
                        "occurredAt", "2015-05-04T08:00:00Z")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.field("caseId");
        String path = "/api/v1/cases/" + caseId;
        assertThat(http.as("anna").post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2001:453-11kap1",
                "rationale", "Signs.", "occurredAt", "2015-05-05T09:00:00Z")).status()).isIn(200, 201);
        assertThat(http.as("anna").post(path + "/decisions", Map.of("kind", "CLOSE_INVESTIGATION", "legalBasis", "SFS2001:453-11kap1",
                "rationale", "Done.", "occurredAt", "2015-06-01T09:00:00Z")).status()).isIn(200, 201);
        assertThat(http.as("anna").post(path + "/child-hearings", Map.of("summary", "At school.", "occurredAt", "2015-05-20T09:00:00Z"))
                .status()).isIn(200, 201);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();

        // When the unit head opens the case and the dashboard of today, and a case worker the same dashboard
        HttpClient lars = signedIn("lars");
        HttpResponse<String> casePage = get(lars, "/ui/cases/" + caseId + "?lang=sv");
        HttpResponse<String> dashboard = get(lars, "/ui/dashboard?from=" + today + "&to=" + tomorrow);
        HttpResponse<String> english = get(lars, "/ui/dashboard?from=" + today + "&to=" + tomorrow + "&lang=en");
        HttpResponse<String> caseWorkers = get(signedIn("anna"), "/ui/dashboard?from=" + today + "&to=" + tomorrow);

        // Then the hearing's entry says it was recorded late and which miss it turned, and the dashboard lists it
        assertPage(casePage, 200);
        Matcher hearing = Pattern.compile("<tr id=\"event-4\">(.*?)</tr>", Pattern.DOTALL).matcher(casePage.body());
        assertThat(hearing.find()).isTrue();
        assertThat(text(hearing.group(1))).contains("dagar efter att det hände, mer än en vecka senare")
                .contains("vände en avvikelse till uppfyllt krav: Barnet har kommit till tals");
        assertPage(dashboard, 200);
        Matcher section = Pattern.compile("<section id=\"late-recordings\">(.*?)</section>", Pattern.DOTALL).matcher(dashboard.body());
        assertThat(section.find()).isTrue();
        assertThat(section.group(1)).contains("href=\"/ui/cases/" + caseId + "#event-4\"");
        assertThat(text(section.group(1))).contains("Barnet har kommit till tals").contains("Registrerat långt i efterhand");
        assertThat(text(english)).contains("Recorded long after it happened").contains("Miss turned into a pass");
        assertThat(caseWorkers.body()).as("the review is the unit head's and the auditor's").doesNotContain("id=\"late-recordings\"");
        assertThat(text(dashboard)).doesNotContain("??");
        assertThat(text(english)).doesNotContain("??").doesNotContainPattern("[åäöÅÄÖ]");
    }

    @Test
    void givenMarch2017RecordedTodayWhenTheDashboardShowsWhatChangedSinceTodayThenMarchIsMarkedWithWhatItReadBeforeAndFebruaryIsNot()
            throws Exception {
        // Given a case received in March 2017, recorded today, its service support started after nine days
        String child = Fixtures.registerChild(http);
        LedgerHttp.Response opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", "2017-03-06T08:00:00Z", "occurredAt", "2017-03-06T08:00:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "Worried.", "receivedAt", "2017-03-06T08:00:00Z",
                        "occurredAt", "2017-03-06T08:00:00Z")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String path = "/api/v1/cases/" + opened.field("caseId");
        String support = http.as("anna").post(path + "/interventions", Map.of("type", "SERVICE_SUPPORT", "voluntary", true,
                "occurredAt", "2017-03-14T09:00:00Z")).field("interventionId");
        assertThat(http.as("anna").post(path + "/interventions/" + support + "/acceptance", Map.of("occurredAt", "2017-03-14T10:00:00Z"))
                .status()).isIn(200, 201);
        assertThat(http.as("anna").post(path + "/interventions/" + support + "/start", Map.of("occurredAt", "2017-03-15T09:00:00Z"))
                .status()).isIn(200, 201);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();

        // When the unit head asks what changed since the start of today, and since tomorrow
        HttpClient lars = signedIn("lars");
        HttpResponse<String> sinceToday = get(lars, "/ui/dashboard?from=2017-02-01&to=2017-04-01&changedSince=" + today);
        HttpResponse<String> english = get(lars, "/ui/dashboard?from=2017-02-01&to=2017-04-01&lang=en&changedSince=" + today);
        HttpResponse<String> sinceTomorrow = get(lars, "/ui/dashboard?from=2017-02-01&to=2017-04-01&lang=sv&changedSince=" + tomorrow);

        // Then March is marked, with what its figures read then and now, February is not; nothing changed since tomorrow
        assertPage(sinceToday, 200);
        assertThat(sinceToday.body()).contains("id=\"changed-2017-03\"").doesNotContain("id=\"changed-2017-02\"");
        Matcher march = Pattern.compile("<li id=\"changed-2017-03\">(.*?)</li>\\s*</ul>\\s*</li>", Pattern.DOTALL).matcher(sinceToday.body());
        assertThat(march.find()).isTrue();
        assertThat(text(march.group(1))).contains("2017-03 visar andra siffror än den " + today + ": det som registrerats sedan dess har ändrat dem").contains("Orosanmälningar: 0, nu 1");
        assertThat(text(english)).contains("2017-03 reads otherwise than on " + today).contains("Reports of concern: 0, now 1");
        assertThat(text(sinceTomorrow)).contains("Inga siffror har ändrats sedan " + tomorrow);
        // and each median says how many cases it rests on
        assertThat(cells(sinceToday, "DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT")).startsWith("–", "9");
        assertThat(cells(sinceToday, "DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT", "parts-")).containsExactly("inga ärenden", "1 ärende", "");
        assertThat(cells(english, "DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION", "parts-")).containsExactly("no cases", "no cases", "");
        assertThat(text(sinceToday)).doesNotContain("??");
        assertThat(text(english)).doesNotContain("??").doesNotContainPattern("[åäöÅÄÖ]");
    }

    @Test
    void givenACaseOfMay2021WithTwoLateNotesWhenTheDashboardShowsMayAndJuneThenTheTableHoldsTheFiguresAndTheCaseIsOneLinkWithItsCount()
            throws Exception {
        String child = Fixtures.registerChild(http);
        LedgerHttp.Response opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", "2021-05-10T08:00:00Z", "occurredAt", "2021-05-10T08:00:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "Worried.", "receivedAt", "2021-05-10T08:00:00Z",
                        "occurredAt", "2021-05-10T08:00:00Z")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.field("caseId");
        for (String day : List.of("2021-05-11", "2021-05-12")) {
            assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Written long after.",
                    "occurredAt", day + "T09:00:00Z")).status()).isEqualTo(201);
        }
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        HttpResponse<String> swedish = get(signedIn("lars"), "/ui/dashboard?from=2021-05-01&to=2021-07-01");
        HttpResponse<String> english = get(signedIn("lars"), "/ui/dashboard?from=2021-05-01&to=2021-07-01&lang=en");

        assertPage(swedish, 200);
        assertThat(cells(swedish, "REPORTS_OF_CONCERN")).containsExactly("1", "0", "0");
        assertThat(cells(swedish, "COMPLIANCE_JOURNAL_WITHOUT_DELAY")).containsExactly("0 %", "–", "–");
        assertThat(cells(english, "COMPLIANCE_JOURNAL_WITHOUT_DELAY")).containsExactly("0%", "–", "–");
        assertThat(cells(swedish, "COMPLIANCE_JOURNAL_WITHOUT_DELAY", "parts-")).as("what the share rests on").containsExactly("0 av 2", "", "");
        assertThat(cells(english, "COMPLIANCE_PRELIMINARY_ASSESSMENT_IN_14_DAYS", "parts-")).containsExactly("0 of 1", "", "");
        Matcher journal = Pattern.compile("<tr id=\"rule-JOURNAL_WITHOUT_DELAY\">(.*?)</tr>", Pattern.DOTALL).matcher(swedish.body());
        assertThat(journal.find()).isTrue();
        assertThat(Pattern.compile("class=\"miss\"").matcher(journal.group(1)).results().count()).as("one link for the case").isEqualTo(1);
        assertThat(text(journal.group(1))).contains(opened.field("caseNumber")).contains("(2 avvikelser)");
        for (String figure : MetricsQuery.FIGURES) {
            assertThat(swedish.body()).as(figure + " leads to its definition")
                    .contains("href=\"/ui/dashboard/definitions#" + figure + "\"");
        }
        assertThat(text(swedish)).doesNotContain("??").doesNotContainPattern("\\b(OVERDUE|PENDING|MET|MISSED)\\b");
        assertThat(text(english)).doesNotContain("??").doesNotContainPattern("[åäöÅÄÖ]");
    }

    @Test
    void everyFigureIsDefinedOnTheDefinitionsPageInSwedishAndInEnglish() throws Exception {
        HttpClient anna = signedIn("anna");

        HttpResponse<String> swedish = get(anna, "/ui/dashboard/definitions");
        HttpResponse<String> english = get(signedIn("anna"), "/ui/dashboard/definitions?lang=en");

        assertPage(swedish, 200);
        assertPage(english, 200);
        for (String figure : MetricsQuery.FIGURES) {
            assertThat(swedish.body()).contains("id=\"" + figure + "\"");
        }
        assertThat(text(swedish)).contains("Så räknas måtten").contains("aldrig bli över 100 procent").doesNotContain("??");
        assertThat(text(english)).contains("How the figures are counted").contains("never exceed 100 percent").doesNotContain("??")
                .doesNotContainPattern("[åäöÅÄÖ]");
    }

    /** The cells of a figure's row in the dashboard's table: the months, then the baseline. */
    private static List<String> cells(HttpResponse<String> page, String figure) {
        return cells(page, figure, "row-");
    }

    /** The cells of a row of the dashboard's table: a figure's ({@code row-}), or what its share rests on ({@code parts-}). */
    private static List<String> cells(HttpResponse<String> page, String figure, String kind) {
        Matcher row = Pattern.compile("<tr id=\"" + kind + figure + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page.body());
        assertThat(row.find()).as("a row for " + figure).isTrue();
        return Pattern.compile("<td>([^<]*)</td>").matcher(row.group(1)).results()
                .map(cell -> cell.group(1).replace('\u00a0', ' ').replace('\u202f', ' ')).toList();
    }

    private static final Pattern CASE_LINK = Pattern.compile("href=\"/ui/cases/([0-9a-f-]{36})\" class=\"case-link\">([^<]+)</a>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    private static List<String> caseNumbers(HttpResponse<String> page) {
        return CASE_LINK.matcher(page.body()).results().map(match -> match.group(2)).toList();
    }

    private static List<String> caseIds(HttpResponse<String> page) {
        return CASE_LINK.matcher(page.body()).results().map(match -> match.group(1)).toList();
    }

    /** The words a person reads: the page without its markup (attribute values, such as a form's values, are not read). */
    private static String text(HttpResponse<String> page) {
        return text(page.body());
    }

    private static String text(String html) {
        return TAG.matcher(html).replaceAll(" ");
    }

    private static String title(HttpResponse<String> page) {
        Matcher title = TITLE.matcher(page.body());
        assertThat(title.find()).isTrue();
        return title.group(1);
    }

    /** The address of the link with this id, or null if the page has none. */
    private static String link(HttpResponse<String> page, String id) {
        Matcher link = Pattern.compile("<a id=\"" + id + "\" href=\"([^\"]+)\"").matcher(page.body());
        return link.find() ? link.group(1).replace("&amp;", "&") : null;
    }

    private static void assertPage(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    private HttpClient signedIn(String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(BrowserCookies.manager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        Matcher token = CSRF.matcher(get(client, "/login").body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + user + "&password=ledger-demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.uri().getPath()).as("signed in as " + user).startsWith("/ui/");
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port() + path;
    }
}
