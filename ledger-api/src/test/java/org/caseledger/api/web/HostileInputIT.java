package org.caseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseledger.api.web.HostileRequests.MEGABYTE;
import static org.caseledger.api.web.HostileRequests.abbreviate;
import static org.caseledger.api.web.HostileRequests.authorization;
import static org.caseledger.api.web.HostileRequests.basic;
import static org.caseledger.api.web.HostileRequests.bytes;
import static org.caseledger.api.web.HostileRequests.concat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.ProblemChecks;
import org.caseledger.api.support.RawHttp;
import org.caseledger.api.web.HostileRequests.Attempt;
import org.caseledger.api.web.HostileRequests.Endpoint;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.outreach.ActivityId;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of malformed and hostile requests, generated from one seed, against every endpoint that takes input:
 * each is refused with a 4xx problem, none gets a 5xx, and not one event is written. The endpoints and their inputs
 * are read from Spring MVC's own mappings, so a new endpoint is attacked without a change here; an input of a type
 * no generator knows fails the test, naming it. Every request is invalid by construction: free text is never given
 * injection strings (a note may legitimately say anything), only what the ledger refuses in any field. The requests
 * are written by {@link HostileRequests}; this test sends them and judges the answers.
 */
class HostileInputIT extends IntegrationTest {

    private static final long SEED = 20_260_302L;
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|Caused by: |\\n\\tat ");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** The application's own mapper: it says which fields of a body are required (left out, the body is refused). */
    @Autowired
    private JsonMapper json;

    @Test
    void everyMalformedOrHostileRequestIsRefusedWithAProblemAndWritesNothing() {
        Map<Class<?>, String> existing = aCaseWithOneOfEverything();
        List<Endpoint> endpoints = HostileRequests.endpoints(mappings);
        List<Attempt> attempts = attacksOn(endpoints, existing);
        long eventsBefore = storedEvents();
        long idempotencyKeysBefore = idempotencyKeys();

        Tally tally = sendAll(attempts);

        long eventsAfter = storedEvents();
        tally.print(endpoints, eventsBefore, eventsAfter);
        assertThat(attempts).hasSizeBetween(3_000, 8_000);
        assertThat(tally.failures).as("requests not refused with the right 4xx problem").isEmpty();
        assertThat(tally.types).as("problem types answered").hasSizeGreaterThan(5)
                .allSatisfy(type -> assertThat(http.anonymous().get(type).status()).as("GET " + type).isEqualTo(200));
        assertThat(eventsAfter).as("events stored").isEqualTo(eventsBefore);
        assertThat(idempotencyKeys()).as("idempotency keys claimed").isEqualTo(idempotencyKeysBefore);
        assertThat(http.as("lars").get("/api/v1/cases/" + existing.get(CaseId.class)).status()).as("the ledger still answers").isEqualTo(200);
    }

    @Test
    void aNoteWithMarkupIsStoredAsTextAndShownBackAsJsonNeverAsHtml() {
        String caseId = Fixtures.openCase(http);
        String markup = "<script>alert(1)</script>";
        Response created = http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", markup));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        String notePath = "/api/v1/cases/" + caseId + "/notes/" + created.field("noteId");
        Response note = http.as("anna").get(notePath);
        Response askedForHtml = http.as("anna").header("Accept", "text/html").get(notePath);

        assertThat(note.status()).isEqualTo(200);
        assertThat(note.contentType()).startsWith("application/json");
        assertThat(note.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(note.field("text")).as("the markup is data: a JSON string, exactly as written").isEqualTo(markup);
        assertThat(askedForHtml.status()).isEqualTo(406);
        assertThat(askedForHtml.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsReadWhetherItsLengthIsDeclaredOrNot() throws IOException {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http) + "/notes";
        byte[] overTheLimit = ("{\"text\":\"" + "x".repeat(MEGABYTE) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] underTheLimit = ("{\"text\":\"" + "x".repeat(MEGABYTE - 100) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp raw = new RawHttp(port());
        long before = storedEvents();

        RawHttp.Answer declared = raw.send(post(casePath, "anna", "application/json", overTheLimit, false));
        RawHttp.Answer chunked = raw.send(post(casePath, "anna", "application/json", overTheLimit, true));
        RawHttp.Answer justUnder = raw.send(post(casePath, "anna", "application/json", underTheLimit, false));

        assertThat(List.of(declared, chunked)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.text()).contains("högst 1048576 byte", "/problems/request-too-large");
        });
        assertThat(justUnder.status()).as("a body within the limit is read, and its too long text refused").isEqualTo(400);
        assertThat(justUnder.text()).contains("\"field\":\"text\"", "får vara högst");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedRatherThanStoredAsOtherCharacters() throws IOException {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http) + "/notes";
        // 0xC0 0xAF is an overlong "/": the JSON parser alone would decode it, and the note would say what nobody wrote.
        byte[] overlong = concat("{\"text\":\"a".getBytes(StandardCharsets.UTF_8), bytes(0xC0, 0xAF), "b\"}".getBytes(StandardCharsets.UTF_8));
        long before = storedEvents();

        RawHttp.Answer answer = new RawHttp(port()).send(post(casePath, "anna", "application/json", overlong, false));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("/problems/malformed-request", "inte korrekt UTF-8");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void refusalsByTomcatTheFirewallAndTheLoginAreProblemsToo() throws IOException {
        RawHttp raw = new RawHttp(port());
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http) + "/notes";
        byte[] note = "{\"text\":\"A note.\"}".getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer oversizedHeader = raw.send(new RawHttp.Request("GET", casePath, List.of(authorization("anna"),
                RawHttp.header("X-Padding", "a".repeat(20_000))), new byte[0], false));
        RawHttp.Answer encodedDots = raw.send(new RawHttp.Request("GET", "/api/v1/cases/%2e%2e/history", List.of(authorization("anna")),
                new byte[0], false));
        RawHttp.Answer wrongPassword = raw.send(new RawHttp.Request("GET", casePath, List.of(RawHttp.header("Authorization",
                basic("anna", "not-the-password"))), new byte[0], false));
        RawHttp.Answer controlCharacterInKey = raw.send(new RawHttp.Request("POST", casePath, List.of(authorization("anna"),
                RawHttp.header("Content-Type", "application/json"), RawHttp.header("Idempotency-Key", "key\u0085")), note, false));
        RawHttp.Answer undecodableQuery = raw.send(new RawHttp.Request("GET", "/api/v1/compliance?from=%zz&to=2026-02-01",
                List.of(authorization("lars")), new byte[0], false));

        assertThat(List.of(oversizedHeader, encodedDots, controlCharacterInKey, undecodableQuery)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        });
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongPassword.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(List.of(oversizedHeader, encodedDots, controlCharacterInKey, undecodableQuery, wrongPassword)).allSatisfy(answer ->
                assertThat(ProblemChecks.faults(answer.status(), answer.header("Content-Type"), answer.text())).as(answer.text()).isEmpty());
    }

    /** The attempts on every endpoint; fails if an endpoint has an input no generator knows, or is left unattacked. */
    private List<Attempt> attacksOn(List<Endpoint> endpoints, Map<Class<?>, String> existing) {
        HostileRequests generator = new HostileRequests(new Random(SEED), existing, json);
        List<Attempt> attempts = generator.attacks(endpoints);
        assertThat(generator.unknownInputs()).as("inputs of a type no generator knows: give it a valid sample and its corruptions").isEmpty();
        assertThat(generator.faults()).as("samples the application itself refuses, so corruptions of them prove nothing").isEmpty();
        Set<String> attacked = attempts.stream().map(attempt -> attempt.endpoint().name()).collect(Collectors.toSet());
        assertThat(endpoints.stream().filter(Endpoint::takesInput).map(Endpoint::name)).as("endpoints taking input").isNotEmpty()
                .allSatisfy(name -> assertThat(attacked).as("attacked endpoints").contains(name));
        return attempts;
    }

    private Tally sendAll(List<Attempt> attempts) {
        RawHttp raw = new RawHttp(port());
        Tally tally = new Tally(attempts.size());
        for (Attempt attempt : attempts) {
            try {
                RawHttp.Answer answer = raw.send(attempt.request());
                tally.count(attempt, answer.status());
                check(attempt, answer, tally.failures, tally.types);
            } catch (IOException e) {
                tally.count(attempt, 0);
                tally.failures.add(describe(attempt) + " got no answer: " + e.getMessage());
            }
        }
        return tally;
    }

    /** The figures of a run: answers by status, attempts by kind and by endpoint, and what failed. */
    private static final class Tally {

        private final long started = System.nanoTime();
        private final int requests;
        private final Map<Integer, Integer> byStatus = new TreeMap<>();
        private final Map<String, Integer> byKind = new TreeMap<>();
        private final Map<String, Integer> byEndpoint = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private final Set<String> types = new TreeSet<>();

        Tally(int requests) {
            this.requests = requests;
        }

        void count(Attempt attempt, int status) {
            byStatus.merge(status, 1, Integer::sum);
            byKind.merge(attempt.kind(), 1, Integer::sum);
            byEndpoint.merge(attempt.endpoint().name(), 1, Integer::sum);
        }

        void print(List<Endpoint> endpoints, long eventsBefore, long eventsAfter) {
            System.out.printf("%nHostile input (seed %d): %,d requests to %d endpoints in %.1f s; events %d before, %d after%n",
                    SEED, requests, byEndpoint.size(), (System.nanoTime() - started) / 1e9, eventsBefore, eventsAfter);
            System.out.println("  by status: " + byStatus.entrySet().stream()
                    .map(entry -> (entry.getKey() == 0 ? "no answer" : entry.getKey()) + "=" + entry.getValue()).collect(Collectors.joining(" ")));
            System.out.println("  by kind:");
            byKind.forEach((kind, count) -> System.out.printf("    %5d  %s%n", count, kind));
            System.out.println("  by endpoint:");
            byEndpoint.forEach((endpoint, count) -> System.out.printf("    %5d  %s%n", count, endpoint));
            endpoints.stream().filter(endpoint -> !endpoint.takesInput() && endpoint.method().equals("GET"))
                    .forEach(endpoint -> System.out.println("    takes no input, not attacked: " + endpoint.name()));
            failures.stream().limit(40).forEach(failure -> System.out.println("  FAILED " + failure));
        }
    }

    /** A person, a case opened on a report, and a visit, note, intervention, consent and outreach activity in it. */
    private Map<Class<?>, String> aCaseWithOneOfEverything() {
        LedgerHttp anna = http.as("anna");
        String person = Fixtures.registerChild(http);
        Response opened = Fixtures.openCaseOnSchoolReport(http, person);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String casePath = "/api/v1/cases/" + opened.field("caseId");
        Map<Class<?>, String> existing = new LinkedHashMap<>();
        existing.put(PersonId.class, person);
        existing.put(CaseId.class, opened.field("caseId"));
        existing.put(ReportId.class, opened.field("reportId"));
        existing.put(VisitId.class, created(anna.post(casePath + "/visits", Map.of("plannedAt", "2026-03-20T09:00:00Z", "place", "HOME")), "visitId"));
        existing.put(NoteId.class, created(anna.post(casePath + "/notes", Map.of("text", "The family moved here in 2023.")), "noteId"));
        existing.put(InterventionId.class, created(anna.post(casePath + "/interventions", Map.of("type", "SERVICE_SUPPORT")), "interventionId"));
        existing.put(ConsentId.class, created(anna.post(casePath + "/consents", Map.of("person", person, "partner", "SCHOOL",
                "partnerName", "Vivallaskolan", "purpose", "Follow up school attendance.", "validFrom", "2026-03-02")), "consentId"));
        existing.put(ActivityId.class, created(anna.post("/api/v1/outreach/anonymous-consultations", Map.of("topic", "PARENTING")), "activityId"));
        existing.put(HouseholdId.class, anna.get(casePath).field("household"));
        return existing;
    }

    private static String created(Response response, String idField) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field(idField);
    }

    // ---- checking an answer

    private void check(Attempt attempt, RawHttp.Answer answer, List<String> failures, Set<String> types) {
        String problem = answer.text();
        if (!attempt.expected().contains(answer.status())) {
            failures.add(describe(attempt) + " answered " + answer.status() + ", expected one of " + attempt.expected() + ": " + abbreviate(problem));
            return;
        }
        String contentType = answer.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            failures.add(describe(attempt) + " answered " + answer.status() + " as " + contentType + ": " + abbreviate(problem));
            return;
        }
        List<String> faults = ProblemChecks.faults(answer.status(), contentType, problem);
        if (!faults.isEmpty()) {
            failures.add(describe(attempt) + " answered a problem that " + String.join(", ", faults) + ": " + abbreviate(problem));
        } else {
            types.add(ProblemChecks.type(problem));
        }
        if (STACK_TRACE.matcher(problem).find()) {
            failures.add(describe(attempt) + " leaked a stack trace: " + abbreviate(problem));
        }
    }

    private static String describe(Attempt attempt) {
        return attempt.kind() + " [" + abbreviate(attempt.what()) + "] " + attempt.request().method() + " "
                + abbreviate(attempt.request().target()) + " (" + attempt.endpoint().name() + ")";
    }

    private long idempotencyKeys() {
        return jdbc.sql("SELECT count(*) FROM idempotent_request").query(Long.class).single();
    }

    private static RawHttp.Request post(String path, String user, String contentType, byte[] body, boolean chunked) {
        return new RawHttp.Request("POST", path, List.of(authorization(user), RawHttp.header("Content-Type", contentType)), body, chunked);
    }
}
