package org.caseledger.api.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;

/**
 * A household of two children with one protected parent, made over HTTP as the office would: two children with a case
 * each (Alva's assigned to anna, Bo's to omar), Bo and the parent and another adult added to the household, the other
 * adult leaving again, a consent of the parent and a disclosure in Alva's file, a voluntary offer, and a conversation
 * without an aid decision held by anna. The parent's identity becomes protected last, so that every write before it
 * is one the office could make.
 */
public record HouseholdFamily(String household, String alva, String bo, String parent, String otherAdult, String alvasCase,
                              String bosCase, String alvasCaseNumber, String bosCaseNumber, String conversation) {

    public static final String PARENT_NAME = "Sara Skyddad";
    public static final String OTHER_ADULT_NAME = "Olle Inneboende";

    public static HouseholdFamily make(LedgerHttp http) {
        String household = UUID.randomUUID().toString();
        LedgerHttp anna = http.as("anna");
        String alva = person(anna, "Alva Familj");
        String bo = person(anna, "Bo Familj");
        String parentNumber = Fixtures.identityNumber(java.time.LocalDate.of(1988, 4, 9));
        String parent = created(anna.post("/api/v1/persons", Map.of("identityNumber", parentNumber, "name", PARENT_NAME))).field("personId");
        String otherAdult = person(anna, OTHER_ADULT_NAME);
        LedgerHttp.Response alvas = created(anna.post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", alva, "household", household,
                "receivedAt", "2026-03-02T08:15:00Z", "report", Map.of("reporterType", "SCHOOL", "summary", "Alva is often tired at school."))));
        LedgerHttp.Response bos = created(anna.post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", bo, "household", household,
                "receivedAt", "2026-03-05T10:00:00Z")));
        created(http.as("karin").post("/api/v1/cases/" + alvas.field("caseId") + "/assignments", Map.of("assignee", "anna.lind")));
        created(http.as("karin").post("/api/v1/cases/" + bos.field("caseId") + "/assignments", Map.of("assignee", "omar.hassan")));
        String members = "/api/v1/households/" + household + "/members";
        created(anna.post(members, Map.of("person", parent, "relation", "PARENT", "occurredAt", "2026-01-10T09:00:00Z")));
        created(anna.post(members, Map.of("person", bo, "relation", "CHILD", "occurredAt", "2026-01-10T09:00:00Z")));
        created(anna.post(members, Map.of("person", otherAdult, "relation", "OTHER_ADULT", "occurredAt", "2026-02-01T09:00:00Z")));
        created(anna.post(members + "/" + otherAdult + "/departure", Map.of("occurredAt", "2026-03-20T09:00:00Z")));
        String alvasPath = "/api/v1/cases/" + alvas.field("caseId");
        String consent = created(anna.post(alvasPath + "/consents", Map.of("person", parent, "partner", "SCHOOL", "partnerName", "Vivallaskolan",
                "purpose", "Plan support in class.", "validFrom", "2026-03-10"))).field("consentId");
        created(anna.post(alvasPath + "/disclosures", Map.of("partner", "SCHOOL", "partnerName", "Vivallaskolan", "consent", consent,
                "content", "Alva gets support at home.")));
        created(anna.post(alvasPath + "/interventions", Map.of("type", "SERVICE_SUPPORT")));
        String conversation = created(anna.post("/api/v1/outreach/conversations-without-aid", Map.of("household", household,
                "occurredAt", "2026-03-12T13:00:00Z"))).field("activityId");
        created(http.as("lars").post("/api/v1/persons/" + parent + "/identity-protection", Map.of("occurredAt", "2026-03-25T08:00:00Z")));
        return new HouseholdFamily(household, alva, bo, parent, otherAdult, alvas.field("caseId"), bos.field("caseId"),
                alvas.field("caseNumber"), bos.field("caseNumber"), conversation);
    }

    private static String person(LedgerHttp as, String name) {
        return created(as.post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", name))).field("personId");
    }

    private static LedgerHttp.Response created(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
