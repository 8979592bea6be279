package org.caseledger.api.cases;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.caseledger.api.contract.Descriptions;
import org.caseledger.api.contract.ExactlyOne;
import org.caseledger.api.contract.RequiredWhen;
import org.caseledger.core.cases.AssessProtection;
import org.caseledger.core.cases.CancelVisit;
import org.caseledger.core.cases.CancelledBy;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.CloseCase;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.CorrectJournalNote;
import org.caseledger.core.cases.DeclineIntervention;
import org.caseledger.core.cases.DiscloseInformation;
import org.caseledger.core.cases.EndIntervention;
import org.caseledger.core.cases.FollowUpIntervention;
import org.caseledger.core.cases.GiveConsent;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.MakeDecision;
import org.caseledger.core.cases.ReceiveReportOfConcern;
import org.caseledger.core.cases.RecordChildHeard;
import org.caseledger.core.cases.RecordChildNotHeard;
import org.caseledger.core.cases.RecordContact;
import org.caseledger.core.cases.RecordJournalNote;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.ReporterType;
import org.caseledger.core.cases.TransferCase;
import org.caseledger.core.cases.VisitPlace;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/**
 * The bodies of the case's command requests. Each says what the client decides; the server adds who, when
 * it was recorded and the new ids. {@code occurredAt} is optional everywhere: without it the fact is taken
 * to have happened when it was recorded. Text limits and formats are checked again by the commands; the
 * {@code @Schema} of a member states for the OpenAPI document what its constructor here or the command's requires
 * (RequestBodiesIT sends bodies that keep and that break each).
 */
final class CaseRequests {

    private CaseRequests() {
    }

    /** Opens a case; a case that starts with a report of concern carries the report. */
    @RequiredWhen(member = "report", when = "origin", is = "REPORT_OF_CONCERN")
    record OpenCaseRequest(@Schema(description = "The unit the case belongs to; the caller's own unit when left out") UnitId unit,
                           @Schema(requiredMode = REQUIRED) CaseOrigin origin,
                           @Schema(requiredMode = REQUIRED, description = "The child the case is about, a registered person") PersonId child,
                           @Schema(requiredMode = REQUIRED, description = "The child's household") HouseholdId household,
                           @Schema(requiredMode = REQUIRED, description = "When the matter reached the office") Instant receivedAt,
                           @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt,
                           @Schema(description = "The report of concern the case starts with; required when origin is REPORT_OF_CONCERN")
                           ReportRequest report) {
        OpenCaseRequest {
            Require.present(origin, "origin");
            Require.present(child, "child");
            Require.present(household, "household");
            Require.present(receivedAt, "receivedAt");
            if (origin == CaseOrigin.REPORT_OF_CONCERN) {
                Require.present(report, "report");
            }
        }
    }

    record ReportRequest(@Schema(requiredMode = REQUIRED) ReporterType reporterType,
                         @Schema(requiredMode = REQUIRED, description = "What the report says", minLength = 1,
                                 maxLength = ReceiveReportOfConcern.SUMMARY_LIMIT, pattern = Require.TEXT_PATTERN) String summary,
                         @Schema(description = "When the report reached the office; when recorded (or, opening a case, the case's receivedAt) if left out")
                         Instant receivedAt,
                         @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ReportRequest {
            Require.present(reporterType, "reporterType");
            Require.present(summary, "summary");
        }
    }

    record AssessmentRequest(@Schema(requiredMode = REQUIRED, description = "The report assessed") ReportId reportId,
                             @Schema(requiredMode = REQUIRED) Boolean immediateNeedOfProtection,
                             @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = AssessProtection.RATIONALE_LIMIT,
                                     pattern = Require.TEXT_PATTERN) String rationale,
                             @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        AssessmentRequest {
            Require.present(reportId, "reportId");
            Require.present(immediateNeedOfProtection, "immediateNeedOfProtection");
            Require.present(rationale, "rationale");
        }
    }

    record AssignmentRequest(@Schema(requiredMode = REQUIRED, description = "The member of staff assigned") StaffId assignee,
                             @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        AssignmentRequest {
            Require.present(assignee, "assignee");
        }
    }

    record TransferRequest(@Schema(requiredMode = REQUIRED, description = "The unit taking the case over") UnitId toUnit,
                           @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = TransferCase.REASON_LIMIT,
                                   pattern = Require.TEXT_PATTERN) String reason,
                           @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        TransferRequest {
            Require.present(toUnit, "toUnit");
            Require.present(reason, "reason");
        }
    }

    /**
     * A decision. Decisions about an intervention name it by {@code interventionId}; a grant or denial of an
     * intervention not yet in the case may leave the id out (a new one is made) but names its type.
     */
    @RequiredWhen(member = "investigationExtendedUntil", when = "kind", is = "EXTEND_INVESTIGATION")
    @RequiredWhen(member = "assessmentExtendedUntil", when = "kind", is = "EXTEND_PRELIMINARY_ASSESSMENT")
    @RequiredWhen(member = "interventionType", when = "kind", is = {"GRANT_INTERVENTION", "DENY_INTERVENTION"}, unless = "interventionId")
    record DecisionRequest(@Schema(requiredMode = REQUIRED) DecisionKind kind,
                           @Schema(requiredMode = REQUIRED, description = "The legal basis cited, from the catalogue, in force on the day of the decision")
                           LegalBasisId legalBasis,
                           @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = MakeDecision.RATIONALE_LIMIT,
                                   pattern = Require.TEXT_PATTERN) String rationale,
                           @Schema(description = "Whether the family was told how to appeal; false when left out") Boolean appealInformationGiven,
                           @Schema(description = "The intervention decided on; left out for a new one, which the answer then names")
                           InterventionId interventionId,
                           @Schema(description = "The type of a new intervention granted or denied") InterventionType interventionType,
                           @Schema(description = "The new end of an extended investigation") LocalDate investigationExtendedUntil,
                           @Schema(description = "The new last day of an extended preliminary assessment") LocalDate assessmentExtendedUntil,
                           @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        DecisionRequest {
            Require.present(kind, "kind");
            Require.present(legalBasis, "legalBasis");
            Require.present(rationale, "rationale");
            appealInformationGiven = appealInformationGiven != null && appealInformationGiven;
        }
    }

    record ChildHeardRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = RecordChildHeard.SUMMARY_LIMIT,
                                     pattern = Require.TEXT_PATTERN) String summary,
                             @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ChildHeardRequest {
            Require.present(summary, "summary");
        }
    }

    record ChildNotHeardRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = RecordChildNotHeard.REASON_LIMIT,
                                        pattern = Require.TEXT_PATTERN) String reason,
                                @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ChildNotHeardRequest {
            Require.present(reason, "reason");
        }
    }

    record BookVisitRequest(@Schema(requiredMode = REQUIRED, description = "When the visit is to take place") Instant plannedAt,
                            @Schema(requiredMode = REQUIRED) VisitPlace place,
                            @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        BookVisitRequest {
            Require.present(plannedAt, "plannedAt");
            Require.present(place, "place");
        }
    }

    /** A step with nothing to say but when it happened; the body may be left out entirely. */
    record OccurrenceRequest(@Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
    }

    record CancelVisitRequest(@Schema(requiredMode = REQUIRED) CancelledBy cancelledBy,
                              @Schema(maxLength = CancelVisit.REASON_LIMIT, pattern = Require.OPTIONAL_TEXT_PATTERN) String reason,
                              @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        CancelVisitRequest {
            Require.present(cancelledBy, "cancelledBy");
        }
    }

    /** {@code partner} is the event's partner type, under the name the API has always used. */
    @RequiredWhen(member = "partner", when = "channel", is = "COLLABORATION_MEETING")
    record ContactRequest(@Schema(requiredMode = REQUIRED) ContactChannel channel,
                          @Schema(requiredMode = REQUIRED, description = "Who took the initiative",
                                  allowableValues = {"FAMILY", "OFFICE", "PARTNER"}) ContactInitiator initiatedBy,
                          @Schema(description = "The partner's type; required for a collaboration meeting") PartnerType partner,
                          @Schema(maxLength = RecordContact.SUMMARY_LIMIT, pattern = Require.OPTIONAL_TEXT_PATTERN) String summary,
                          @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ContactRequest {
            Require.present(channel, "channel");
            Require.present(initiatedBy, "initiatedBy");
            if (channel == ContactChannel.COLLABORATION_MEETING) {
                Require.present(partner, "partner");
            }
        }
    }

    record NoteRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = RecordJournalNote.TEXT_LIMIT,
                               pattern = Require.TEXT_PATTERN) String text,
                       @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        NoteRequest {
            Require.present(text, "text");
        }
    }

    record CorrectionRequest(@Schema(requiredMode = REQUIRED, description = "The note's right text", minLength = 1,
                                     maxLength = CorrectJournalNote.TEXT_LIMIT, pattern = Require.TEXT_PATTERN) String text,
                             @Schema(requiredMode = REQUIRED, description = "Why the note is corrected", minLength = 1,
                                     maxLength = CorrectJournalNote.REASON_LIMIT, pattern = Require.TEXT_PATTERN) String reason,
                             @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        CorrectionRequest {
            Require.present(text, "text");
            Require.present(reason, "reason");
        }
    }

    /** Offers an intervention: a granted one by its id, or a new one (such as support and service) by its type. */
    record OfferRequest(@Schema(description = "The granted intervention offered; left out for a new one") InterventionId interventionId,
                        @Schema(requiredMode = REQUIRED) InterventionType type,
                        @Schema(description = "Whether the intervention is voluntary; true when left out") Boolean voluntary,
                        @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        OfferRequest {
            Require.present(type, "type");
            voluntary = voluntary == null || voluntary;
        }
    }

    record ReasonRequest(@Schema(maxLength = DeclineIntervention.REASON_LIMIT, pattern = Require.OPTIONAL_TEXT_PATTERN) String reason,
                         @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
    }

    record FollowUpRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = FollowUpIntervention.SUMMARY_LIMIT,
                                   pattern = Require.TEXT_PATTERN) String summary,
                           @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        FollowUpRequest {
            Require.present(summary, "summary");
        }
    }

    record EndInterventionRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = EndIntervention.REASON_LIMIT,
                                          pattern = Require.TEXT_PATTERN) String reason,
                                  @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        EndInterventionRequest {
            Require.present(reason, "reason");
        }
    }

    record ConsentRequest(@Schema(requiredMode = REQUIRED, description = "The person who consents, a registered person") PersonId person,
                          @Schema(requiredMode = REQUIRED) PartnerType partner,
                          @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = GiveConsent.PARTNER_NAME_LIMIT,
                                  pattern = Require.TEXT_PATTERN) String partnerName,
                          @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = GiveConsent.PURPOSE_LIMIT,
                                  pattern = Require.TEXT_PATTERN) String purpose,
                          @Schema(requiredMode = REQUIRED, description = "The first day the consent holds") LocalDate validFrom,
                          @Schema(description = "The last day the consent holds, not before validFrom; open-ended when left out")
                          LocalDate validUntil,
                          @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ConsentRequest {
            Require.present(person, "person");
            Require.present(partner, "partner");
            Require.present(partnerName, "partnerName");
            Require.present(purpose, "purpose");
            Require.present(validFrom, "validFrom");
        }
    }

    /** A disclosure rests on exactly one basis: a consent of this case, or a legal provision from the catalogue. */
    @ExactlyOne({"consent", "provision"})
    record DisclosureRequest(@Schema(requiredMode = REQUIRED) PartnerType partner,
                             @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = DiscloseInformation.PARTNER_NAME_LIMIT,
                                     pattern = Require.TEXT_PATTERN) String partnerName,
                             @Schema(description = "The consent of this case the disclosure rests on") ConsentId consent,
                             @Schema(description = "The legal provision the disclosure rests on, from the catalogue") LegalBasisId provision,
                             @Schema(requiredMode = REQUIRED, description = "What was disclosed", minLength = 1,
                                     maxLength = DiscloseInformation.CONTENT_LIMIT, pattern = Require.TEXT_PATTERN) String content,
                             @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        DisclosureRequest {
            Require.present(partner, "partner");
            Require.present(partnerName, "partnerName");
            Require.present(content, "content");
        }
    }

    record ClosureRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = CloseCase.REASON_LIMIT,
                                  pattern = Require.TEXT_PATTERN) String reason,
                          @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ClosureRequest {
            Require.present(reason, "reason");
        }
    }
}
