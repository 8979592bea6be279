package org.caseledger.api.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.caseledger.api.access.AccessPolicy;
import org.caseledger.api.access.AccessRefusedException;
import org.caseledger.api.access.PersonAccessGuard;
import org.caseledger.api.cases.CaseRequests.AssessmentRequest;
import org.caseledger.api.cases.CaseRequests.AssignmentRequest;
import org.caseledger.api.cases.CaseRequests.BookVisitRequest;
import org.caseledger.api.cases.CaseRequests.CancelVisitRequest;
import org.caseledger.api.cases.CaseRequests.ChildHeardRequest;
import org.caseledger.api.cases.CaseRequests.ChildNotHeardRequest;
import org.caseledger.api.cases.CaseRequests.ClosureRequest;
import org.caseledger.api.cases.CaseRequests.ConsentRequest;
import org.caseledger.api.cases.CaseRequests.ContactRequest;
import org.caseledger.api.cases.CaseRequests.CorrectionRequest;
import org.caseledger.api.cases.CaseRequests.DecisionRequest;
import org.caseledger.api.cases.CaseRequests.DisclosureRequest;
import org.caseledger.api.cases.CaseRequests.EndInterventionRequest;
import org.caseledger.api.cases.CaseRequests.FollowUpRequest;
import org.caseledger.api.cases.CaseRequests.NoteRequest;
import org.caseledger.api.cases.CaseRequests.OccurrenceRequest;
import org.caseledger.api.cases.CaseRequests.OfferRequest;
import org.caseledger.api.cases.CaseRequests.OpenCaseRequest;
import org.caseledger.api.cases.CaseRequests.ReasonRequest;
import org.caseledger.api.cases.CaseRequests.ReportRequest;
import org.caseledger.api.cases.CaseRequests.TransferRequest;
import org.caseledger.api.contract.Paged;
import org.caseledger.api.web.CommandContext;
import org.caseledger.api.web.CommandResult;
import org.caseledger.api.web.CommandTransaction;
import org.caseledger.api.web.EventHistory;
import org.caseledger.api.web.NextPage;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.api.web.Versions;
import org.caseledger.core.cases.AcceptIntervention;
import org.caseledger.core.cases.AssessProtection;
import org.caseledger.core.cases.AssignCase;
import org.caseledger.core.cases.BookVisit;
import org.caseledger.core.cases.CancelVisit;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CloseCase;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.ContactId;
import org.caseledger.core.cases.CorrectJournalNote;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DeclineIntervention;
import org.caseledger.core.cases.DiscloseInformation;
import org.caseledger.core.cases.DisclosureId;
import org.caseledger.core.cases.EndIntervention;
import org.caseledger.core.cases.FollowUpIntervention;
import org.caseledger.core.cases.GiveConsent;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.MakeDecision;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.OfferIntervention;
import org.caseledger.core.cases.OpenCase;
import org.caseledger.core.cases.ReceiveReportOfConcern;
import org.caseledger.core.cases.RecordChildHeard;
import org.caseledger.core.cases.RecordChildNotHeard;
import org.caseledger.core.cases.RecordContact;
import org.caseledger.core.cases.RecordJournalNote;
import org.caseledger.core.cases.RecordVisitHeld;
import org.caseledger.core.cases.RecordVisitMissed;
import org.caseledger.core.cases.ReportId;
import org.caseledger.core.cases.StartIntervention;
import org.caseledger.core.cases.TransferCase;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.cases.WithdrawConsent;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.ValueProblem;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.timeline.TimelineEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case and every kind of fact about it. Each POST builds one command (opening a case that starts with a
 * report builds two), sends it in a {@link CommandTransaction} and answers with the case's new version as
 * {@code ETag}; facts that get an id of their own answer 201 with their {@code Location}.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private static final Map<String, Function<CaseView, List<? extends CaseView.Item>>> COLLECTIONS = Map.of(
            "reports", view -> view.reports,
            "decisions", view -> view.decisions,
            "visits", view -> view.visits,
            "contacts", view -> view.contacts,
            "notes", view -> view.notes,
            "interventions", view -> view.interventions,
            "consents", view -> view.consents,
            "disclosures", view -> view.disclosures);

    /** Events per page of a history, by default and at most: a history of thousands of events is not one answer. */
    static final int HISTORY_PAGE = 1000;

    private final CommandTransaction commands;
    private final CaseReader reader;
    private final CaseNumbers caseNumbers;
    private final PersonAccessGuard persons;

    CaseController(CommandTransaction commands, CaseReader reader, CaseNumbers caseNumbers, PersonAccessGuard persons) {
        this.commands = commands;
        this.reader = reader;
        this.caseNumbers = caseNumbers;
        this.persons = persons;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> open(@RequestBody OpenCaseRequest body, CommandContext context) {
        persons.openCase(context.staff(), body.child(), body.household(), "POST /api/v1/cases");
        CaseId caseId = CaseId.random();
        return commands.create(context, caseId, body, sender -> {
            var number = caseNumbers.next(context.recordedAt());
            var unit = body.unit() != null ? body.unit() : context.staff().unit();
            AccessPolicy.refusesUnit(context.staff(), unit).ifPresent(reason -> {
                throw new AccessRefusedException(reason);
            });
            sender.send(new OpenCase(caseId, number, unit, body.origin(), body.child(), body.household(), body.receivedAt(),
                    context.envelope(body.occurredAt())));
            Map<String, Object> ids = ids("caseId", caseId, "caseNumber", number);
            if (body.report() != null) {
                ReportId reportId = ReportId.random();
                // The report opening a case was received, and happened, when the case says unless it says otherwise.
                ReportRequest report = new ReportRequest(body.report().reporterType(), body.report().summary(),
                        body.report().receivedAt() != null ? body.report().receivedAt() : body.receivedAt(),
                        body.report().occurredAt() != null ? body.report().occurredAt() : body.occurredAt());
                sender.send(reportCommand(caseId, reportId, report, context));
                ids.put("reportId", reportId.toString());
            }
            return CommandResult.created(casePath(caseId), ids);
        });
    }

    /**
     * The case view: live, or as the ledger knew it at {@code asOf} (by recorded time), or after event
     * {@code asOfEvent}. Only the live view carries the version as {@code ETag}: a past state is not one to write on.
     */
    @GetMapping("/{caseId}")
    ResponseEntity<CaseView> view(@PathVariable CaseId caseId, @RequestParam(required = false) Instant asOf,
                                  @RequestParam(required = false) Long asOfEvent) {
        CaseReader.Moment moment = new CaseReader.Moment(asOf, asOfEvent);
        CaseView view = reader.view(caseId, moment);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (moment.isNow()) {
            response.eTag(Versions.etag(view.version));
        }
        return response.body(view);
    }

    @GetMapping("/{caseId}/timeline")
    List<TimelineEntry> timeline(@PathVariable CaseId caseId, @RequestParam(required = false) Instant asOf,
                                 @RequestParam(required = false) Long asOfEvent) {
        return reader.timeline(caseId, new CaseReader.Moment(asOf, asOfEvent));
    }

    /**
     * The case's stored events, in pages of at most {@code limit} (1000 by default and at most) from the sequence number
     * {@code from}; when more follow, the {@code Link} header ({@code rel="next"}) names the next page.
     */
    @Paged
    @GetMapping("/{caseId}/history")
    ResponseEntity<List<EventHistory.Entry>> history(@PathVariable CaseId caseId, @RequestParam(defaultValue = "0") long from,
                                                     @RequestParam(defaultValue = "" + HISTORY_PAGE) int limit) {
        if (from < 0) {
            throw new InvalidValueException("from", ValueProblem.NOT_NEGATIVE, "from is a sequence number, 0 or more");
        }
        if (limit < 1 || limit > HISTORY_PAGE) {
            throw new InvalidValueException("limit", ValueProblem.OUT_OF_RANGE, "limit must be between 1 and " + HISTORY_PAGE, 1, HISTORY_PAGE);
        }
        List<EventHistory.Entry> page = reader.history(caseId, from, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.size() == limit) {
            long next = page.get(page.size() - 1).sequenceNumber() + 1;
            response.header(NextPage.HEADER, NextPage.link("from", next));
        }
        return response.body(page);
    }

    @GetMapping("/{caseId}/{collection}/{itemId}")
    CaseView.Item item(@PathVariable CaseId caseId, @PathVariable String collection, @PathVariable String itemId) {
        Function<CaseView, List<? extends CaseView.Item>> items = COLLECTIONS.get(collection);
        if (items == null) {
            throw new NotFoundException("a case has no list called " + collection);
        }
        return items.apply(reader.view(caseId, CaseReader.Moment.NOW)).stream()
                .filter(item -> item.id.equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("case " + caseId + " has no entry " + itemId + " in " + collection));
    }

    @PostMapping("/{caseId}/reports")
    ResponseEntity<Map<String, Object>> report(@PathVariable CaseId caseId, @RequestBody ReportRequest body, CommandContext context) {
        ReportId reportId = ReportId.random();
        return created(context, caseId, body, reportCommand(caseId, reportId, body, context), "reports", reportId, "reportId");
    }

    @PostMapping("/{caseId}/assessments")
    ResponseEntity<Map<String, Object>> assessProtection(@PathVariable CaseId caseId, @RequestBody AssessmentRequest body,
                                                         CommandContext context) {
        return created(context, caseId, body, new AssessProtection(caseId, body.reportId(), body.immediateNeedOfProtection(),
                body.rationale(), context.envelope(body.occurredAt())), "reports", body.reportId(), "reportId");
    }

    @PostMapping("/{caseId}/assignments")
    ResponseEntity<Map<String, Object>> assign(@PathVariable CaseId caseId, @RequestBody AssignmentRequest body, CommandContext context) {
        return recorded(context, caseId, body, new AssignCase(caseId, body.assignee(), context.envelope(body.occurredAt())));
    }

    @PostMapping("/{caseId}/transfers")
    ResponseEntity<Map<String, Object>> transfer(@PathVariable CaseId caseId, @RequestBody TransferRequest body, CommandContext context) {
        return recorded(context, caseId, body, new TransferCase(caseId, body.toUnit(), body.reason(), context.envelope(body.occurredAt())));
    }

    @PostMapping("/{caseId}/decisions")
    ResponseEntity<Map<String, Object>> decide(@PathVariable CaseId caseId, @RequestBody DecisionRequest body, CommandContext context) {
        DecisionId decisionId = DecisionId.random();
        InterventionId interventionId = body.interventionId() == null && body.kind().concernsIntervention()
                ? InterventionId.random()
                : body.interventionId();
        MakeDecision command = new MakeDecision(caseId, decisionId, body.kind(), body.legalBasis(), body.rationale(),
                body.appealInformationGiven(), interventionId, body.interventionType(), body.investigationExtendedUntil(),
                context.envelope(body.occurredAt()));
        return commands.execute(context, caseId, CaseEvent.class, body, sender -> {
            sender.send(command);
            Map<String, Object> ids = ids("decisionId", decisionId);
            if (interventionId != null) {
                ids.put("interventionId", interventionId.toString());
            }
            return CommandResult.created(casePath(caseId) + "/decisions/" + decisionId, ids);
        });
    }

    @PostMapping("/{caseId}/child-hearings")
    ResponseEntity<Map<String, Object>> childHeard(@PathVariable CaseId caseId, @RequestBody ChildHeardRequest body, CommandContext context) {
        return recorded(context, caseId, body, new RecordChildHeard(caseId, body.summary(), context.envelope(body.occurredAt())));
    }

    @PostMapping("/{caseId}/child-not-heard-reasons")
    ResponseEntity<Map<String, Object>> childNotHeard(@PathVariable CaseId caseId, @RequestBody ChildNotHeardRequest body,
                                                      CommandContext context) {
        return recorded(context, caseId, body, new RecordChildNotHeard(caseId, body.reason(), context.envelope(body.occurredAt())));
    }

    @PostMapping("/{caseId}/visits")
    ResponseEntity<Map<String, Object>> bookVisit(@PathVariable CaseId caseId, @RequestBody BookVisitRequest body, CommandContext context) {
        VisitId visitId = VisitId.random();
        return created(context, caseId, body, new BookVisit(caseId, visitId, body.plannedAt(), body.place(),
                context.envelope(body.occurredAt())), "visits", visitId, "visitId");
    }

    @PostMapping("/{caseId}/visits/{visitId}/held")
    ResponseEntity<Map<String, Object>> visitHeld(@PathVariable CaseId caseId, @PathVariable VisitId visitId,
                                                  @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new RecordVisitHeld(caseId, visitId, context.envelope(occurrence.occurredAt())));
    }

    @PostMapping("/{caseId}/visits/{visitId}/missed")
    ResponseEntity<Map<String, Object>> visitMissed(@PathVariable CaseId caseId, @PathVariable VisitId visitId,
                                                    @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new RecordVisitMissed(caseId, visitId, context.envelope(occurrence.occurredAt())));
    }

    @PostMapping("/{caseId}/visits/{visitId}/cancellation")
    ResponseEntity<Map<String, Object>> cancelVisit(@PathVariable CaseId caseId, @PathVariable VisitId visitId,
                                                    @RequestBody CancelVisitRequest body, CommandContext context) {
        return recorded(context, caseId, body, new CancelVisit(caseId, visitId, body.cancelledBy(), body.reason(),
                context.envelope(body.occurredAt())));
    }

    @PostMapping("/{caseId}/contacts")
    ResponseEntity<Map<String, Object>> contact(@PathVariable CaseId caseId, @RequestBody ContactRequest body, CommandContext context) {
        ContactId contactId = ContactId.random();
        return created(context, caseId, body, new RecordContact(caseId, contactId, body.channel(), body.initiatedBy(), body.partner(),
                body.summary(), context.envelope(body.occurredAt())), "contacts", contactId, "contactId");
    }

    @PostMapping("/{caseId}/notes")
    ResponseEntity<Map<String, Object>> note(@PathVariable CaseId caseId, @RequestBody NoteRequest body, CommandContext context) {
        NoteId noteId = NoteId.random();
        return created(context, caseId, body, new RecordJournalNote(caseId, noteId, body.text(), context.envelope(body.occurredAt())),
                "notes", noteId, "noteId");
    }

    @PostMapping("/{caseId}/notes/{noteId}/corrections")
    ResponseEntity<Map<String, Object>> correctNote(@PathVariable CaseId caseId, @PathVariable NoteId noteId,
                                                    @RequestBody CorrectionRequest body, CommandContext context) {
        NoteId correctionId = NoteId.random();
        return created(context, caseId, body, new CorrectJournalNote(caseId, correctionId, noteId, body.text(), body.reason(),
                context.envelope(body.occurredAt())), "notes", correctionId, "noteId");
    }

    @PostMapping("/{caseId}/interventions")
    ResponseEntity<Map<String, Object>> offerIntervention(@PathVariable CaseId caseId, @RequestBody OfferRequest body,
                                                          CommandContext context) {
        InterventionId interventionId = body.interventionId() != null ? body.interventionId() : InterventionId.random();
        return created(context, caseId, body, new OfferIntervention(caseId, interventionId, body.type(), body.voluntary(),
                context.envelope(body.occurredAt())), "interventions", interventionId, "interventionId");
    }

    @PostMapping("/{caseId}/interventions/{interventionId}/acceptance")
    ResponseEntity<Map<String, Object>> acceptIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                           @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new AcceptIntervention(caseId, interventionId, context.envelope(occurrence.occurredAt())));
    }

    @PostMapping("/{caseId}/interventions/{interventionId}/declination")
    ResponseEntity<Map<String, Object>> declineIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                            @RequestBody(required = false) ReasonRequest body, CommandContext context) {
        ReasonRequest reason = body == null ? new ReasonRequest(null, null) : body;
        return recorded(context, caseId, reason, new DeclineIntervention(caseId, interventionId, reason.reason(),
                context.envelope(reason.occurredAt())));
    }

    @PostMapping("/{caseId}/interventions/{interventionId}/start")
    ResponseEntity<Map<String, Object>> startIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                          @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new StartIntervention(caseId, interventionId, context.envelope(occurrence.occurredAt())));
    }

    @PostMapping("/{caseId}/interventions/{interventionId}/follow-ups")
    ResponseEntity<Map<String, Object>> followUpIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                             @RequestBody FollowUpRequest body, CommandContext context) {
        return recorded(context, caseId, body, new FollowUpIntervention(caseId, interventionId, body.summary(),
                context.envelope(body.occurredAt())));
    }

    @PostMapping("/{caseId}/interventions/{interventionId}/end")
    ResponseEntity<Map<String, Object>> endIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                        @RequestBody EndInterventionRequest body, CommandContext context) {
        return recorded(context, caseId, body, new EndIntervention(caseId, interventionId, body.reason(),
                context.envelope(body.occurredAt())));
    }

    @PostMapping("/{caseId}/consents")
    ResponseEntity<Map<String, Object>> giveConsent(@PathVariable CaseId caseId, @RequestBody ConsentRequest body, CommandContext context) {
        ConsentId consentId = ConsentId.random();
        return created(context, caseId, body, new GiveConsent(caseId, consentId, body.person(), body.partner(), body.partnerName(),
                body.purpose(), body.validFrom(), body.validUntil(), context.envelope(body.occurredAt())), "consents", consentId, "consentId");
    }

    @PostMapping("/{caseId}/consents/{consentId}/withdrawal")
    ResponseEntity<Map<String, Object>> withdrawConsent(@PathVariable CaseId caseId, @PathVariable ConsentId consentId,
                                                        @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new WithdrawConsent(caseId, consentId, context.envelope(occurrence.occurredAt())));
    }

    @PostMapping("/{caseId}/disclosures")
    ResponseEntity<Map<String, Object>> disclose(@PathVariable CaseId caseId, @RequestBody DisclosureRequest body, CommandContext context) {
        DisclosureId disclosureId = DisclosureId.random();
        return created(context, caseId, body, new DiscloseInformation(caseId, disclosureId, body.partner(), body.partnerName(),
                body.consent(), body.provision(), body.content(), context.envelope(body.occurredAt())),
                "disclosures", disclosureId, "disclosureId");
    }

    @PostMapping("/{caseId}/closure")
    ResponseEntity<Map<String, Object>> close(@PathVariable CaseId caseId, @RequestBody ClosureRequest body, CommandContext context) {
        return recorded(context, caseId, body, new CloseCase(caseId, body.reason(), context.envelope(body.occurredAt())));
    }

    private static ReceiveReportOfConcern reportCommand(CaseId caseId, ReportId reportId, ReportRequest report, CommandContext context) {
        return new ReceiveReportOfConcern(caseId, reportId, report.reporterType(), report.summary(),
                report.receivedAt() != null ? report.receivedAt() : context.recordedAt(), context.envelope(report.occurredAt()));
    }

    /** A fact with an id of its own: 201, and where to read it. */
    private ResponseEntity<Map<String, Object>> created(CommandContext context, CaseId caseId, Object body, LedgerCommand command,
                                                        String collection, Object itemId, String idName) {
        return commands.execute(context, caseId, CaseEvent.class, body, sender -> {
            sender.send(command);
            return CommandResult.created(casePath(caseId) + "/" + collection + "/" + itemId, ids(idName, itemId));
        });
    }

    /** A step in the case's life: 200, and the case to read. */
    private ResponseEntity<Map<String, Object>> recorded(CommandContext context, CaseId caseId, Object body, LedgerCommand command) {
        return commands.execute(context, caseId, CaseEvent.class, body, sender -> {
            sender.send(command);
            return new CommandResult(200, casePath(caseId), null, ids("caseId", caseId));
        });
    }

    private static OccurrenceRequest orNow(OccurrenceRequest body) {
        return body == null ? new OccurrenceRequest(null) : body;
    }

    private static String casePath(CaseId caseId) {
        return "/api/v1/cases/" + caseId;
    }

    private static Map<String, Object> ids(Object... namesAndValues) {
        Map<String, Object> ids = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            ids.put((String) namesAndValues[i], namesAndValues[i + 1].toString());
        }
        return ids;
    }
}
