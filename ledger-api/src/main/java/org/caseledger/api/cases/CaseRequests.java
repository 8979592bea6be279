package org.caseledger.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.caseledger.core.cases.CancelledBy;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.ReporterType;
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
 * to have happened when it was recorded. Text limits and formats are checked again by the commands.
 */
final class CaseRequests {

    private CaseRequests() {
    }

    /** Opens a case; a case that starts with a report of concern carries the report. */
    record OpenCaseRequest(UnitId unit, CaseOrigin origin, PersonId child, HouseholdId household, Instant receivedAt,
                           Instant occurredAt, ReportRequest report) {
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

    record ReportRequest(ReporterType reporterType, String summary, Instant receivedAt, Instant occurredAt) {
        ReportRequest {
            Require.present(reporterType, "reporterType");
            Require.present(summary, "summary");
        }
    }

    record AssessmentRequest(ReportId reportId, Boolean immediateNeedOfProtection, String rationale, Instant occurredAt) {
        AssessmentRequest {
            Require.present(reportId, "reportId");
            Require.present(immediateNeedOfProtection, "immediateNeedOfProtection");
            Require.present(rationale, "rationale");
        }
    }

    record AssignmentRequest(StaffId assignee, Instant occurredAt) {
        AssignmentRequest {
            Require.present(assignee, "assignee");
        }
    }

    record TransferRequest(UnitId toUnit, String reason, Instant occurredAt) {
        TransferRequest {
            Require.present(toUnit, "toUnit");
            Require.present(reason, "reason");
        }
    }

    /**
     * A decision. Decisions about an intervention name it by {@code interventionId}; a grant or denial of an
     * intervention not yet in the case may leave the id out (a new one is made) but names its type.
     */
    record DecisionRequest(DecisionKind kind, LegalBasisId legalBasis, String rationale, Boolean appealInformationGiven,
                           InterventionId interventionId, InterventionType interventionType,
                           LocalDate investigationExtendedUntil, Instant occurredAt) {
        DecisionRequest {
            Require.present(kind, "kind");
            Require.present(legalBasis, "legalBasis");
            Require.present(rationale, "rationale");
            appealInformationGiven = appealInformationGiven != null && appealInformationGiven;
        }
    }

    record ChildHeardRequest(String summary, Instant occurredAt) {
        ChildHeardRequest {
            Require.present(summary, "summary");
        }
    }

    record ChildNotHeardRequest(String reason, Instant occurredAt) {
        ChildNotHeardRequest {
            Require.present(reason, "reason");
        }
    }

    record BookVisitRequest(Instant plannedAt, VisitPlace place, Instant occurredAt) {
        BookVisitRequest {
            Require.present(plannedAt, "plannedAt");
            Require.present(place, "place");
        }
    }

    /** A step with nothing to say but when it happened; the body may be left out entirely. */
    record OccurrenceRequest(Instant occurredAt) {
    }

    record CancelVisitRequest(CancelledBy cancelledBy, String reason, Instant occurredAt) {
        CancelVisitRequest {
            Require.present(cancelledBy, "cancelledBy");
        }
    }

    /** {@code partner} is the event's partner type, under the name the API has always used. */
    record ContactRequest(ContactChannel channel, ContactInitiator initiatedBy, PartnerType partner, String summary,
                          Instant occurredAt) {
        ContactRequest {
            Require.present(channel, "channel");
            Require.present(initiatedBy, "initiatedBy");
            if (channel == ContactChannel.COLLABORATION_MEETING) {
                Require.present(partner, "partner");
            }
        }
    }

    record NoteRequest(String text, Instant occurredAt) {
        NoteRequest {
            Require.present(text, "text");
        }
    }

    record CorrectionRequest(String text, String reason, Instant occurredAt) {
        CorrectionRequest {
            Require.present(text, "text");
            Require.present(reason, "reason");
        }
    }

    /** Offers an intervention: a granted one by its id, or a new one (such as support and service) by its type. */
    record OfferRequest(InterventionId interventionId, InterventionType type, Boolean voluntary, Instant occurredAt) {
        OfferRequest {
            Require.present(type, "type");
            voluntary = voluntary == null || voluntary;
        }
    }

    record ReasonRequest(String reason, Instant occurredAt) {
    }

    record FollowUpRequest(String summary, Instant occurredAt) {
        FollowUpRequest {
            Require.present(summary, "summary");
        }
    }

    record EndInterventionRequest(String reason, Instant occurredAt) {
        EndInterventionRequest {
            Require.present(reason, "reason");
        }
    }

    record ConsentRequest(PersonId person, PartnerType partner, String partnerName, String purpose, LocalDate validFrom,
                          LocalDate validUntil, Instant occurredAt) {
        ConsentRequest {
            Require.present(person, "person");
            Require.present(partner, "partner");
            Require.present(partnerName, "partnerName");
            Require.present(purpose, "purpose");
            Require.present(validFrom, "validFrom");
        }
    }

    /** A disclosure rests on exactly one basis: a consent of this case, or a legal provision from the catalogue. */
    record DisclosureRequest(PartnerType partner, String partnerName, ConsentId consent, LegalBasisId provision,
                             String content, Instant occurredAt) {
        DisclosureRequest {
            Require.present(partner, "partner");
            Require.present(partnerName, "partnerName");
            Require.present(content, "content");
        }
    }

    record ClosureRequest(String reason, Instant occurredAt) {
        ClosureRequest {
            Require.present(reason, "reason");
        }
    }
}
