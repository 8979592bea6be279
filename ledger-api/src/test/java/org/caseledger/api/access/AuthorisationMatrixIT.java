package org.caseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.core.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application serves, asked by every role and by nobody: the expected answer is written down
 * here for each, and an endpoint missing from the table fails the test. "Allowed" means the request got past
 * authentication and authorisation (any answer but 401 and 403); "refused" means 403 with a problem, and 401 for
 * a request without credentials. The case used belongs to the case workers' unit and is not protected.
 */
class AuthorisationMatrixIT extends IntegrationTest {

    private static final Set<Role> CASE_WORK = EnumSet.of(Role.SOCIAL_SECRETARY, Role.GROUP_LEADER, Role.UNIT_HEAD);
    private static final Set<Role> CASE_READING = EnumSet.of(Role.SOCIAL_SECRETARY, Role.GROUP_LEADER, Role.UNIT_HEAD, Role.AUDITOR);
    private static final Set<Role> REVIEW = EnumSet.of(Role.UNIT_HEAD, Role.AUDITOR);
    private static final Set<Role> AUDITORS = EnumSet.of(Role.AUDITOR);
    private static final Set<Role> ADMINISTRATION = EnumSet.of(Role.ADMINISTRATOR);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    /** Every role, signed in: the staff registry is no secret within the office, nor to its inspectors. */
    private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);

    /** Who may call each endpoint; {@code null} roles means anyone, logged in or not. */
    private static final Map<String, Set<Role>> MATRIX = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/v1/cases", CASE_WORK),
            Map.entry("GET /api/v1/cases", CASE_READING),
            Map.entry("GET /api/v1/events", CASE_READING),
            Map.entry("GET /api/v1/cases/{caseId}", CASE_READING),
            Map.entry("GET /api/v1/cases/{caseId}/timeline", CASE_READING),
            Map.entry("GET /api/v1/cases/{caseId}/compliance", CASE_READING),
            Map.entry("GET /api/v1/cases/{caseId}/history", CASE_READING),
            Map.entry("GET /api/v1/cases/{caseId}/{collection}/{itemId}", CASE_READING),
            Map.entry("GET /api/v1/cases/{caseId}/verify", CASE_READING),
            Map.entry("POST /api/v1/cases/{caseId}/reports", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/assessments", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/assignments", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/transfers", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/decisions", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/child-hearings", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/child-not-heard-reasons", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/visits", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/visits/{visitId}/held", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/visits/{visitId}/missed", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/visits/{visitId}/cancellation", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/contacts", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/notes", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/notes/{noteId}/corrections", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/interventions", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/interventions/{interventionId}/acceptance", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/interventions/{interventionId}/declination", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/interventions/{interventionId}/start", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/interventions/{interventionId}/follow-ups", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/interventions/{interventionId}/end", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/consents", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/consents/{consentId}/withdrawal", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/disclosures", CASE_WORK),
            Map.entry("POST /api/v1/cases/{caseId}/closure", CASE_WORK),
            Map.entry("GET /api/v1/audit/public-key", EVERYONE),
            Map.entry("GET /api/v1/audit/log-key", EVERYONE),
            Map.entry("GET /api/v1/audit/keys", EVERYONE),
            Map.entry("GET /api/v1/audit/checkpoints", REVIEW),
            Map.entry("GET /api/v1/audit/checkpoints/latest", REVIEW),
            Map.entry("GET /api/v1/audit/checkpoints/{treeSize}", REVIEW),
            Map.entry("GET /api/v1/audit/proofs/consistency", REVIEW),
            Map.entry("GET /api/v1/audit/proofs/inclusion", REVIEW),
            Map.entry("GET /api/v1/audit/verify", REVIEW),
            Map.entry("POST /api/v1/audit/checkpoints", EnumSet.of(Role.UNIT_HEAD, Role.ADMINISTRATOR)),
            Map.entry("GET /api/v1/audit/cases/{caseId}/export", REVIEW),
            Map.entry("GET /api/v1/audit/cases/{caseId}/export.pdf", REVIEW),
            Map.entry("POST /api/v1/audit/cases/{caseId}/exports", REVIEW),
            Map.entry("GET /api/v1/audit/access-log", AUDITORS),
            Map.entry("GET /api/v1/audit/access-log/unusual", AUDITORS),
            Map.entry("GET /api/v1/audit/access-log/verify", AUDITORS),
            Map.entry("GET /api/v1/audit/late-recordings", REVIEW),
            Map.entry("GET /api/v1/caseload", CASE_READING),
            Map.entry("GET /api/v1/metrics", CASE_READING),
            Map.entry("GET /api/v1/metrics/{metric}/cases", CASE_READING),
            Map.entry("GET /api/v1/compliance", CASE_READING),
            Map.entry("GET /api/v1/deadlines", CASE_READING),
            Map.entry("GET /api/v1/admin/projections", ADMINISTRATION),
            Map.entry("POST /api/v1/admin/erasure-completion", ADMINISTRATION),
            Map.entry("GET /api/v1/admin/integrity-alarm", ADMINISTRATION),
            Map.entry("POST /api/v1/admin/integrity-alarm/acknowledgement", ADMINISTRATION),
            Map.entry("POST /api/v1/admin/projections/rebuild", ADMINISTRATION),
            Map.entry("POST /api/v1/admin/access-index/rebuild", ADMINISTRATION),
            Map.entry("GET /api/v1/admin/sign-in-locks", ADMINISTRATION),
            Map.entry("DELETE /api/v1/admin/sign-in-locks/accounts/{username}", ADMINISTRATION),
            Map.entry("DELETE /api/v1/admin/sign-in-locks/addresses/{address}", ADMINISTRATION),
            Map.entry("GET /api/v1/outreach/activities/{activityId}", CASE_READING),
            Map.entry("POST /api/v1/outreach/anonymous-consultations", CASE_WORK),
            Map.entry("POST /api/v1/outreach/information-meetings", CASE_WORK),
            Map.entry("POST /api/v1/outreach/conversations-without-aid", CASE_WORK),
            Map.entry("POST /api/v1/outreach/service-support", CASE_WORK),
            Map.entry("GET /api/v1/persons/{personId}/history", CASE_READING),
            Map.entry("POST /api/v1/persons", CASE_WORK),
            Map.entry("POST /api/v1/persons/search", CASE_READING),
            Map.entry("POST /api/v1/persons/{personId}/erasure", EnumSet.of(Role.UNIT_HEAD, Role.ADMINISTRATOR)),
            Map.entry("POST /api/v1/persons/{personId}/erasure-approvals", EnumSet.of(Role.UNIT_HEAD)),
            Map.entry("POST /api/v1/persons/{personId}/identity-protection", CASE_WORK),
            Map.entry("POST /api/v1/persons/{personId}/identity-protection/lifting", EnumSet.of(Role.UNIT_HEAD)),
            Map.entry("POST /api/v1/persons/{personId}/name-corrections", CASE_WORK),
            Map.entry("POST /api/v1/persons/{personId}/identity-number-corrections", CASE_WORK),
            Map.entry("GET /api/v1/persons/{personId}/extract", REVIEW),
            Map.entry("GET /api/v1/staff", SIGNED_IN),
            Map.entry("GET /api/v1/staff/{staffId}", SIGNED_IN),
            Map.entry("GET /api/v1/staff/{staffId}/history", SIGNED_IN),
            Map.entry("POST /api/v1/staff", ADMINISTRATION),
            Map.entry("POST /api/v1/staff/{staffId}/membership-changes", ADMINISTRATION),
            Map.entry("POST /api/v1/staff/{staffId}/ending", ADMINISTRATION),
            Map.entry("GET /api/v1/retention/due", REVIEW),
            Map.entry("POST /api/v1/retention/run", EnumSet.of(Role.UNIT_HEAD)),
            // households
            Map.entry("GET /api/v1/households/{householdId}", CASE_READING),
            Map.entry("POST /api/v1/households/{householdId}/members", CASE_WORK),
            Map.entry("POST /api/v1/households/{householdId}/members/{personId}/relation-changes", CASE_WORK),
            Map.entry("POST /api/v1/households/{householdId}/members/{personId}/departure", CASE_WORK)));

    private static final Map<Role, String> USERS = Map.of(Role.SOCIAL_SECRETARY, "anna", Role.GROUP_LEADER, "karin",
            Role.UNIT_HEAD, "lars", Role.ADMINISTRATOR, "eva", Role.AUDITOR, "ivo");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() {
        Set<String> served = servedEndpoints();
        assertThat(served).as("endpoints served = endpoints in the matrix").isEqualTo(MATRIX.keySet());
        String caseId = Fixtures.openCase(http);
        Map<String, String> ids = Map.of("caseId", caseId, "personId", Fixtures.registerChild(http),
                "activityId", anActivity(), "collection", "notes", "metric", "reports-of-concern",
                "householdId", http.as("anna").get("/api/v1/cases/" + caseId).field("household"), "staffId", "anna.lind");

        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (Map.Entry<String, Set<Role>> endpoint : MATRIX.entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            String path = concrete(endpoint.getKey().substring(method.length() + 1), ids);
            for (Role role : Role.values()) {
                // a protection granted by one role would hide the child from the next: each asks about a child of its own
                String target = endpoint.getKey().contains("/identity-protection")
                        ? concrete(endpoint.getKey().substring(method.length() + 1), Map.of("personId", Fixtures.registerChild(http))) : path;
                Response answer = send(http.as(USERS.get(role)), method, target);
                asked++;
                boolean allowed = endpoint.getValue().contains(role);
                if (allowed ? answer.status() == 401 || answer.status() == 403 || answer.status() >= 500
                        : answer.status() != 403 || !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(endpoint.getKey() + " as " + role + ": expected " + (allowed ? "allowed" : "403") + ", got " + answer);
                }
            }
            Response anonymous = send(http.anonymous(), method, path);
            asked++;
            boolean open = endpoint.getValue() == EVERYONE;
            if (open ? anonymous.status() == 401 : anonymous.status() != 401) {
                wrong.add(endpoint.getKey() + " without credentials: got " + anonymous);
            }
        }
        System.out.printf("Authorisation matrix: %d endpoints x %d roles and anonymous = %d requests%n", MATRIX.size(),
                Role.values().length, asked);
        assertThat(wrong).isEmpty();
    }

    /** Whose person a person endpoint is asked about: the case workers' unit's, another unit's, or a protected one of theirs. */
    private enum Target { OWN_UNIT, OTHER_UNIT, PROTECTED }

    /**
     * The person endpoints by the person's case files: who may read (history, extract), erase, or add a member to the
     * household of each kind of person. The protected child's case is assigned to no one.
     */
    private static final Map<String, Map<Target, Set<Role>>> PERSON_MATRIX = new TreeMap<>(Map.of(
            "POST /api/v1/persons/{personId}/erasure-approvals", Map.of(
                    Target.OWN_UNIT, EnumSet.of(Role.UNIT_HEAD),
                    Target.OTHER_UNIT, EnumSet.noneOf(Role.class),
                    Target.PROTECTED, EnumSet.of(Role.UNIT_HEAD)),
            "GET /api/v1/persons/{personId}/history", Map.of(
                    Target.OWN_UNIT, CASE_READING,
                    Target.OTHER_UNIT, AUDITORS,
                    Target.PROTECTED, REVIEW),
            "GET /api/v1/persons/{personId}/extract", Map.of(
                    Target.OWN_UNIT, REVIEW,
                    Target.OTHER_UNIT, AUDITORS,
                    Target.PROTECTED, REVIEW),
            "POST /api/v1/persons/{personId}/erasure", Map.of(
                    Target.OWN_UNIT, EnumSet.of(Role.UNIT_HEAD, Role.ADMINISTRATOR),
                    Target.OTHER_UNIT, EnumSet.noneOf(Role.class),
                    Target.PROTECTED, EnumSet.of(Role.UNIT_HEAD, Role.ADMINISTRATOR)),
            "POST /api/v1/persons (into the household)", Map.of(
                    Target.OWN_UNIT, CASE_WORK,
                    Target.OTHER_UNIT, EnumSet.noneOf(Role.class),
                    Target.PROTECTED, EnumSet.of(Role.UNIT_HEAD))));

    @Test
    void personEndpointsAnswerEveryRoleAsThePersonsCaseFilesSay() {
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (Map.Entry<String, Map<Target, Set<Role>>> endpoint : PERSON_MATRIX.entrySet()) {
            for (Target target : Target.values()) {
                for (Role role : Role.values()) {
                    // an allowed erasure erases: every request gets a person of its own
                    Map<String, String> person = personOf(target);
                    Response answer = askAbout(http.as(USERS.get(role)), endpoint.getKey(), person);
                    asked++;
                    boolean allowed = endpoint.getValue().get(target).contains(role);
                    if (allowed ? answer.status() == 401 || answer.status() == 403 || answer.status() >= 500
                            : answer.status() != 403 || !answer.contentType().startsWith("application/problem+json")) {
                        wrong.add(endpoint.getKey() + " of a " + target + " person as " + role + ": expected "
                                + (allowed ? "allowed" : "403") + ", got " + answer);
                    }
                }
            }
        }
        System.out.printf("Person matrix: %d endpoints x %d kinds of person x %d roles = %d requests%n", PERSON_MATRIX.size(),
                Target.values().length, Role.values().length, asked);
        assertThat(wrong).isEmpty();
    }

    private Map<String, String> personOf(Target target) {
        String household = UUID.randomUUID().toString();
        String user = target == Target.OTHER_UNIT ? "sara" : "anna";
        Response child = http.as(user).post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Matris Barn",
                "protectedIdentity", target == Target.PROTECTED, "household", household));
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        Response opened = http.as(user).post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child.field("personId"),
                "household", household, "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "A report.")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return Map.of("personId", child.field("personId"), "household", household);
    }

    private static Response askAbout(LedgerHttp as, String endpoint, Map<String, String> person) {
        String path = endpoint.replace("{personId}", person.get("personId"));
        if (endpoint.startsWith("GET ")) {
            return as.get(path.substring("GET ".length()));
        }
        if (endpoint.endsWith("/erasure")) {
            return as.post(path.substring("POST ".length()), Map.of("reason", "RETENTION", "note", "The matrix asks."));
        }
        if (endpoint.endsWith("/erasure-approvals")) {
            return as.post(path.substring("POST ".length()), Map.of());
        }
        return as.post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Matris Förälder",
                "household", person.get("household")));
    }

    private Set<String> servedEndpoints() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/v1/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + pattern))));
        return served;
    }

    /** Fills path variables: the known ids, and a fresh id for anything inside a case (answered 404 or 409 if allowed). */
    private static String concrete(String pattern, Map<String, String> ids) {
        String path = pattern;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        path = path.replaceAll("\\{[a-zA-Z]+}", UUID.randomUUID().toString());
        if (path.startsWith("/api/v1/admin/projections/rebuild")) {
            return path + "?projection=no-such-projection";
        }
        return path + "?from=2026-01-01&to=2027-01-01";
    }

    private static Response send(LedgerHttp as, String method, String path) {
        return switch (method) {
            case "GET" -> as.get(path);
            case "DELETE" -> as.delete(path);
            default -> as.postRaw(path, "{}");
        };
    }

    private String anActivity() {
        Response response = http.as("anna").post("/api/v1/outreach/anonymous-consultations", Map.of("topic", "PARENTING"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("activityId");
    }
}
