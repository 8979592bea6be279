package org.caseledger.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.core.shared.LedgerEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import tools.jackson.databind.JsonNode;

/** Every event type of the catalogue can be produced through the REST API, and each is stored with its envelope. */
class EventCatalogueIT extends IntegrationTest {

    private final Set<String> producedTypes = new HashSet<>();

    @Test
    void everyEventTypeOfTheCatalogueCanBeProducedThroughTheApi() {
        LedgerHttp anna = http.as("anna");
        LedgerHttp karin = http.as("karin");
        String child = Fixtures.registerChild(http);
        Response opened = Fixtures.openCaseOnSchoolReport(http, child);
        String path = "/api/v1/cases/" + opened.field("caseId");

        ok(karin.post(path + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "The first report alone does not call for an investigation.")));
        ok(anna.post(path + "/reports", Map.of("reporterType", "POLICE", "summary", "The police were called to the home.")));
        ok(anna.post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "A second report.", "occurredAt", "2026-03-10T09:00:00Z")));
        ok(karin.post(path + "/decisions", Map.of("kind", "EXTEND_INVESTIGATION", "legalBasis", "SFS2025:400-20kap6",
                "rationale", "Waiting for the child psychiatry assessment.", "investigationExtendedUntil", "2026-09-10")));
        ok(anna.post(path + "/assessments", Map.of("reportId", opened.field("reportId"), "immediateNeedOfProtection", true,
                "rationale", "Placed with relatives tonight.")));
        ok(karin.post(path + "/assignments", Map.of("assignee", "omar.hassan")));
        ok(anna.post(path + "/child-hearings", Map.of("summary", "Talked with the older sister at school.")));
        ok(anna.post(path + "/child-not-heard-reasons", Map.of("reason", "The younger child is two years old.")));
        String held = ok(anna.post(path + "/visits", Map.of("plannedAt", "2026-03-20T09:00:00Z", "place", "HOME"))).field("visitId");
        ok(anna.post(path + "/visits/" + held + "/held", Map.of()));
        String missed = ok(anna.post(path + "/visits", Map.of("plannedAt", "2026-03-21T09:00:00Z", "place", "OFFICE"))).field("visitId");
        ok(anna.post(path + "/visits/" + missed + "/missed", Map.of()));
        String note = ok(anna.post(path + "/notes", Map.of("text", "Met the mother."))).field("noteId");
        ok(anna.post(path + "/notes/" + note + "/corrections", Map.of("text", "Met the mother and her sister.", "reason", "Incomplete.")));
        String visit = ok(anna.post(path + "/visits", Map.of("plannedAt", "2026-04-01T09:00:00Z", "place", "SCHOOL"))).field("visitId");
        ok(anna.post(path + "/visits/" + visit + "/cancellation", Map.of("cancelledBy", "FAMILY", "reason", "Illness.")));
        ok(anna.post(path + "/contacts", Map.of("channel", "COLLABORATION_MEETING", "initiatedBy", "PARTNER", "partner", "POLICE",
                "summary", "Meeting with the community police officer.")));
        String denied = ok(karin.post(path + "/decisions", Map.of("kind", "DENY_INTERVENTION", "legalBasis", "SFS2025:400-9kap1",
                "interventionType", "PLACEMENT", "rationale", "Needs can be met at home.", "appealInformationGiven", true)))
                .field("interventionId");
        assertThat(denied).isNotBlank();
        String declined = ok(anna.post(path + "/interventions", Map.of("type", "PARENTING_PROGRAMME"))).field("interventionId");
        ok(anna.post(path + "/interventions/" + declined + "/declination", Map.of("reason", "Not now.")));
        String service = ok(anna.post(path + "/interventions", Map.of("type", "SERVICE_SUPPORT"))).field("interventionId");
        ok(anna.post(path + "/interventions/" + service + "/acceptance", Map.of()));
        ok(anna.post(path + "/interventions/" + service + "/start", Map.of()));
        ok(anna.post(path + "/interventions/" + service + "/follow-ups", Map.of("summary", "Went with the mother to the tax office.")));
        ok(anna.post(path + "/interventions/" + service + "/end", Map.of("reason", "Done.")));
        String contactFamily = ok(karin.post(path + "/decisions", Map.of("kind", "GRANT_INTERVENTION", "legalBasis", "SFS2025:400-9kap1",
                "interventionType", "CONTACT_FAMILY", "rationale", "Weekend relief.", "appealInformationGiven", true))).field("interventionId");
        ok(anna.post(path + "/interventions", Map.of("interventionId", contactFamily, "type", "CONTACT_FAMILY")));
        ok(anna.post(path + "/interventions/" + contactFamily + "/acceptance", Map.of()));
        ok(anna.post(path + "/interventions/" + contactFamily + "/start", Map.of()));
        ok(anna.post(path + "/decisions", Map.of("kind", "END_INTERVENTION", "legalBasis", "SFS2025:400-9kap1",
                "interventionId", contactFamily, "rationale", "The family asked to end it.")));
        String consent = ok(anna.post(path + "/consents", Map.of("person", child, "partner", "SCHOOL", "partnerName", "Vivallaskolan",
                "purpose", "Plan support in class.", "validFrom", "2026-01-01"))).field("consentId");
        ok(anna.post(path + "/disclosures", Map.of("partner", "SCHOOL", "partnerName", "Vivallaskolan", "consent", consent,
                "content", "Alva receives family support; please tell us if she is absent.")));
        ok(anna.post(path + "/consents/" + consent + "/withdrawal", Map.of()));
        ok(anna.post(path + "/disclosures", Map.of("partner", "POLICE", "partnerName", "Polisen Örebro", "provision", "SFS2009:400-10kap28",
                "content", "Information requested under the duty to report.")));
        ok(anna.post(path + "/transfers", Map.of("toUnit", "central-reception", "reason", "The family moved.")));
        ok(http.as("sara").post(path + "/closure", Map.of("reason", "Received on transfer and closed.")));

        JsonNode history = http.as("ivo").get(path + "/history").json();
        for (JsonNode entry : history) {
            producedTypes.add(entry.path("type").asString());
            assertThat(entry.path("envelope").path("actor").asString()).isNotBlank();
            assertThat(entry.path("envelope").path("recordedAt").asString()).isNotBlank();
        }

        String household = UUID.randomUUID().toString();
        activity(anna.post("/api/v1/outreach/anonymous-consultations", Map.of("topic", "PARENTING")));
        activity(anna.post("/api/v1/outreach/information-meetings", Map.of("audience", "Parents at Vivallaskolan", "participants", 23,
                "topics", List.of("What social services do", "How to ask for support"))));
        activity(anna.post("/api/v1/outreach/conversations-without-aid", Map.of("household", household)));
        activity(anna.post("/api/v1/outreach/service-support", Map.of("household", household, "kind", "HELP_WITH_AUTHORITIES")));

        // households: a parent joins the household of the outreach, changes relation and leaves
        String parent = Fixtures.registerChild(http);
        String members = "/api/v1/households/" + household + "/members";
        ok(anna.post(members, Map.of("person", parent, "relation", "PARENT")));
        ok(anna.post(members + "/" + parent + "/relation-changes", Map.of("relation", "GUARDIAN")));
        ok(anna.post(members + "/" + parent + "/departure", Map.of()));
        for (JsonNode entry : http.as("ivo").get("/api/v1/households/" + household).json().path("timeline")) {
            producedTypes.add(entry.path("type").asString());
        }

        // the child's file is now central-reception's: vivalla, holding a newer one, erases the child with its approval
        ok(anna.post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child, "household", household,
                "receivedAt", "2026-06-02T08:15:00Z")));
        String person = "/api/v1/persons/" + child;
        ok(anna.post(person + "/name-corrections", Map.of("name", "Alva Exempelsson", "reason", "Misspelt at registration.")));
        ok(anna.post(person + "/identity-number-corrections", Map.of("identityNumber", Fixtures.identityNumber(), "reason", "Digits swapped.")));
        ok(http.as("lars").post(person + "/identity-protection", Map.of()));
        ok(http.as("lars").post(person + "/identity-protection/lifting", Map.of()));
        ok(http.as("mia").post("/api/v1/persons/" + child + "/erasure-approvals", Map.of()));
        ok(http.as("eva").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "RETENTION")));
        for (JsonNode entry : http.as("ivo").get("/api/v1/persons/" + child + "/history").json()) {
            producedTypes.add(entry.path("type").asString());
        }

        String member = "catalogue." + UUID.randomUUID().toString().substring(0, 8);
        LedgerHttp eva = http.as("eva");
        ok(eva.post("/api/v1/staff", Map.of("staffId", member, "name", "Maria Nord", "unit", "vivalla", "role", "SOCIAL_SECRETARY",
                "activeFrom", "2026-01-01")));
        ok(eva.post("/api/v1/staff/" + member + "/membership-changes", Map.of("unit", "vivalla", "role", "GROUP_LEADER", "from", "2026-06-01")));
        ok(eva.post("/api/v1/staff/" + member + "/ending", Map.of("lastDay", "2026-11-30")));
        for (JsonNode entry : eva.get("/api/v1/staff/" + member + "/history").json()) {
            producedTypes.add(entry.path("type").asString());
        }

        assertThat(producedTypes).containsExactlyInAnyOrderElementsOf(catalogue());
    }

    private void activity(Response response) {
        ok(response);
        JsonNode stored = http.as("ivo").get(response.header("Location")).json();
        assertThat(stored.path("envelope").path("actor").asString()).isEqualTo("anna.lind");
        producedTypes.add(stored.path("type").asString());
    }

    private static Set<String> catalogue() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerEvent.class));
        Set<String> types = scanner.findCandidateComponents("org.caseledger.core").stream()
                .map(definition -> definition.getBeanClassName().substring(definition.getBeanClassName().lastIndexOf('.') + 1))
                .collect(Collectors.toSet());
        assertThat(types).hasSizeGreaterThanOrEqualTo(31);
        return types;
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
