package org.caseledger.api.cases;

import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.ContactId;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DisclosureId;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.VisitId;

/**
 * The answers to the case's commands: the ids a client needs to go on. A fact with an id of its own is answered with
 * that id (and 201 with its {@code Location}); a step in the case's life with the case's id (200).
 */
final class CaseAnswers {

    private CaseAnswers() {
    }

    /** A case was opened; a case opened on a report of concern also names the report. */
    record Opened(@Schema(requiredMode = RequiredMode.REQUIRED) CaseId caseId,
                  @Schema(requiredMode = RequiredMode.REQUIRED, description = "The case number people quote (diarienummer)") CaseNumber caseNumber,
                  @Schema(description = "The report of concern the case was opened on; absent when the case was opened without one")
                  ReportId reportId) {
    }

    /** A step in the case's life was recorded; read the case for where it stands now. */
    record Recorded(@Schema(requiredMode = RequiredMode.REQUIRED) CaseId caseId) {
    }

    /** A report of concern was received. */
    record Report(@Schema(requiredMode = RequiredMode.REQUIRED) ReportId reportId) {
    }

    /** A decision was made; a grant or denial of an intervention also names the intervention. */
    record Decision(@Schema(requiredMode = RequiredMode.REQUIRED) DecisionId decisionId,
                    @Schema(description = "The intervention the decision grants, denies or ends; absent for other decisions")
                    InterventionId interventionId) {
    }

    /** A visit was booked. */
    record Visit(@Schema(requiredMode = RequiredMode.REQUIRED) VisitId visitId) {
    }

    /** A contact was recorded. */
    record Contact(@Schema(requiredMode = RequiredMode.REQUIRED) ContactId contactId) {
    }

    /** A journal note, or a correction of one (a note of its own that points at the original), was recorded. */
    record Note(@Schema(requiredMode = RequiredMode.REQUIRED) NoteId noteId) {
    }

    /** An intervention was offered. */
    record Intervention(@Schema(requiredMode = RequiredMode.REQUIRED) InterventionId interventionId) {
    }

    /** A consent was given. */
    record Consent(@Schema(requiredMode = RequiredMode.REQUIRED) ConsentId consentId) {
    }

    /** Information was disclosed. */
    record Disclosure(@Schema(requiredMode = RequiredMode.REQUIRED) DisclosureId disclosureId) {
    }
}
