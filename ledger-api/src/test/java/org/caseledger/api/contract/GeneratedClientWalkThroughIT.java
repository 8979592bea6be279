package org.caseledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.client.ApiClient;
import org.caseledger.client.ApiResponse;
import org.caseledger.client.api.CasesApi;
import org.caseledger.client.api.IntegrityAndAuditApi;
import org.caseledger.client.api.PersonsApi;
import org.caseledger.client.model.CaseAnswersOpened;
import org.caseledger.client.model.CaseClosedEntry;
import org.caseledger.client.model.CaseFile;
import org.caseledger.client.model.CaseRequestsAssessmentRequest;
import org.caseledger.client.model.CaseRequestsAssignmentRequest;
import org.caseledger.client.model.CaseRequestsBookVisitRequest;
import org.caseledger.client.model.CaseRequestsChildHeardRequest;
import org.caseledger.client.model.CaseRequestsClosureRequest;
import org.caseledger.client.model.CaseRequestsCorrectionRequest;
import org.caseledger.client.model.CaseRequestsDecisionRequest;
import org.caseledger.client.model.CaseRequestsEndInterventionRequest;
import org.caseledger.client.model.CaseRequestsFollowUpRequest;
import org.caseledger.client.model.CaseRequestsNoteRequest;
import org.caseledger.client.model.CaseRequestsOfferRequest;
import org.caseledger.client.model.CaseRequestsOpenCaseRequest;
import org.caseledger.client.model.CaseRequestsReportRequest;
import org.caseledger.client.model.CaseView;
import org.caseledger.client.model.EventHistoryEntry;
import org.caseledger.client.model.PersonControllerRegisterPersonRequest;
import org.caseledger.client.model.VerificationReport;
import org.junit.jupiter.api.Test;

/**
 * The walk through one case, sent through a client generated from docs/openapi.json alone (the build generates it,
 * package {@code org.caseledger.client}): no request or answer type is written by hand, so a document a generator
 * cannot turn into a working client fails here. The steps and their order are the README's "First steps", then
 * docs/api.md, "Walk through one case".
 */
class GeneratedClientWalkThroughIT extends IntegrationTest {

    /** X-Requested-By: what a write without a JSON body says (the document's parameter). */
    private static final String PROGRAM = "readme-walk-through";
    private static final UUID HOUSEHOLD = UUID.fromString("8c1f0a52-3a8e-4a55-9d1e-2f4b6c7d8e90");

    @Test
    void givenTheGeneratedClientWhenTheReadmesCaseIsWalkedThroughThenItIsClosedWithItsWholeHistoryVerifiedAndExported() throws Exception {
        UUID child = persons("anna").register(new PersonControllerRegisterPersonRequest()
                .identityNumber(Fixtures.identityNumber()).name("Alva Exempel"), PROGRAM, null, null, null).getPersonId();

        CaseAnswersOpened opened = cases("anna").open(new CaseRequestsOpenCaseRequest()
                .origin(CaseRequestsOpenCaseRequest.OriginEnum.REPORT_OF_CONCERN).child(child).household(HOUSEHOLD)
                .receivedAt(OffsetDateTime.parse("2026-03-02T08:15:00Z"))
                .report(new CaseRequestsReportRequest().reporterType(CaseRequestsReportRequest.ReporterTypeEnum.SCHOOL)
                        .summary("Alva has come to school hungry several times.")), PROGRAM, null, null, null);
        UUID caseId = opened.getCaseId();
        UUID report = opened.getReportId();

        CasesApi anna = cases("anna");
        CasesApi karin = cases("karin");
        anna.assessProtection(caseId, new CaseRequestsAssessmentRequest().reportId(report).immediateNeedOfProtection(false)
                .rationale("Talked with the teacher and the mother."), PROGRAM, null, null, null);
        karin.assign(caseId, new CaseRequestsAssignmentRequest().assignee("anna.lind"), PROGRAM, null, null, null);
        anna.decide(caseId, new CaseRequestsDecisionRequest().kind(CaseRequestsDecisionRequest.KindEnum.OPEN_INVESTIGATION)
                .legalBasis("SFS2025:400-20kap2").rationale("Repeated signs of neglect."), PROGRAM, null, null, null);

        anna.childHeard(caseId, new CaseRequestsChildHeardRequest().summary("Alva talked about school."), PROGRAM, null, null, null);
        UUID held = anna.bookVisit(caseId, new CaseRequestsBookVisitRequest().plannedAt(OffsetDateTime.parse("2026-03-20T09:00:00Z"))
                .place(CaseRequestsBookVisitRequest.PlaceEnum.HOME), PROGRAM, null, null, null).getVisitId();
        UUID missed = anna.bookVisit(caseId, new CaseRequestsBookVisitRequest().plannedAt(OffsetDateTime.parse("2026-03-27T09:00:00Z"))
                .place(CaseRequestsBookVisitRequest.PlaceEnum.OFFICE), PROGRAM, null, null, null).getVisitId();
        anna.visitHeld(caseId, held, PROGRAM, null, null, null, null);
        anna.visitMissed(caseId, missed, PROGRAM, null, null, null, null);

        UUID intervention = karin.decide(caseId, new CaseRequestsDecisionRequest()
                .kind(CaseRequestsDecisionRequest.KindEnum.GRANT_INTERVENTION).legalBasis("SFS2025:400-9kap1")
                .interventionType(CaseRequestsDecisionRequest.InterventionTypeEnum.FAMILY_TREATMENT).appealInformationGiven(true)
                .rationale("Support with routines; the parents agree."), PROGRAM, null, null, null).getInterventionId();
        anna.decide(caseId, new CaseRequestsDecisionRequest().kind(CaseRequestsDecisionRequest.KindEnum.CLOSE_INVESTIGATION)
                .legalBasis("SFS2025:400-20kap1").rationale("Family treatment granted."), PROGRAM, null, null, null);

        anna.offerIntervention(caseId, new CaseRequestsOfferRequest().interventionId(intervention)
                .type(CaseRequestsOfferRequest.TypeEnum.FAMILY_TREATMENT), PROGRAM, null, null, null);
        anna.acceptIntervention(caseId, intervention, PROGRAM, null, null, null, null);
        anna.startIntervention(caseId, intervention, PROGRAM, null, null, null, null);
        anna.followUpIntervention(caseId, intervention, new CaseRequestsFollowUpRequest().summary("Mornings are calmer."), PROGRAM, null, null, null);

        UUID note = anna.note(caseId, new CaseRequestsNoteRequest().text("The family moved here in 2023."), PROGRAM, null, null, null)
                .getNoteId();
        anna.correctNote(caseId, note, new CaseRequestsCorrectionRequest().text("The family moved here in 2022.")
                .reason("Wrong year written down."), PROGRAM, null, null, null);

        anna.endIntervention(caseId, intervention, new CaseRequestsEndInterventionRequest().reason("Goals reached."), PROGRAM, null, null, null);
        anna.close(caseId, new CaseRequestsClosureRequest().reason("Support completed."), PROGRAM, null, null, null);

        ApiResponse<CaseView> view = cases("lars").viewWithHttpInfo(caseId, null, null, null, null);
        List<EventHistoryEntry> history = cases("ivo").history1(caseId, null, null, null, null);

        auditor("eva").seal(PROGRAM, null);
        VerificationReport verified = auditor("ivo").verifyCase(caseId, null, null);
        CaseFile caseFile = auditor("ivo").export(caseId, null, null, null);
        Path pdf = auditor("ivo").export1(caseId, null, null).toPath();
        Path publicKey = new IntegrityAndAuditApi(client(null)).publicKey(null, null).toPath();

        assertThat(view.getData().getStatus()).isEqualTo("CLOSED");
        assertThat(view.getData().getVisits()).extracting("status").containsExactly("HELD", "MISSED");
        assertThat(view.getData().getNotes()).extracting("text")
                .containsExactly("The family moved here in 2023.", "The family moved here in 2022.");
        assertThat(view.getData().getNotes().get(0).getCorrectedBy()).containsExactly(view.getData().getNotes().get(1).getId());
        assertThat(view.getHeaders().get("ETag")).containsExactly("\"" + view.getData().getVersion() + "\"");
        assertThat(history).as("the walked-through case: 20 events").hasSize(20);
        assertThat(history.get(history.size() - 1).getActualInstance()).isInstanceOf(CaseClosedEntry.class);
        assertThat(verified.getStatus()).as(String.valueOf(verified)).isEqualTo(VerificationReport.StatusEnum.INTACT);
        assertThat(verified.getEventsChecked()).isEqualTo(20);
        assertThat(caseFile.getKeyId()).isNotBlank();
        assertThat(caseFile.getBody()).contains(caseId.toString());
        assertThat(caseFile.getSignature()).isNotBlank();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    private CasesApi cases(String user) {
        return new CasesApi(client(user));
    }

    private PersonsApi persons(String user) {
        return new PersonsApi(client(user));
    }

    private IntegrityAndAuditApi auditor(String user) {
        return new IntegrityAndAuditApi(client(user));
    }

    /** The generated client, signed in as a demo user (HTTP Basic, as the document's security scheme says), or anonymous. */
    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port());
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + LedgerHttp.PASSWORD).getBytes(StandardCharsets.UTF_8));
            client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        }
        return client;
    }
}
