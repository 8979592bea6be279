package org.caseledger.api.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
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
import org.caseledger.api.problems.ProblemLanguage;
import org.caseledger.api.streams.CommandResult;
import org.caseledger.api.streams.CommandTransaction;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.web.CommandContext;
import org.caseledger.api.web.NextPage;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.api.web.PageBounds;
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
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.moment.CaseAtMoment;
import org.caseledger.projections.timeline.TimelineEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case and every kind of fact about it. Each POST builds one command (opening a case that starts with a
 * report builds two), sends it in a {@link CommandTransaction} and answers with the case's new version as
 * {@code ETag}; facts that get an id of their own answer 201 with their {@code Location}, steps in the life of
 * something that already was 200 (docs/api.md, "Statuses"). The {@code @ResponseStatus} of each says which for
 * the OpenAPI document; the answer's status is the {@link CommandResult}'s.
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
    static final int HISTORY_PAGE = PageBounds.MOST;

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

    @Operation(summary = "Open a case", description = """
            Opens a case (ärende) for one child, in the caller's unit unless `unit` names another. A case that starts \
            with a report of concern (`origin` `REPORT_OF_CONCERN`) carries the report in `report`, and both are recorded \
            together. The child must be registered (`POST /api/v1/persons`) and readable by the caller. The answer names \
            the new case, its case number and the report; `Location` is the case.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "report-of-concern",
            summary = "A school's report of concern opens a case",
            description = "The child is registered; the report and the case are recorded together, received at 08:15", value = """
            {"origin": "REPORT_OF_CONCERN", "child": "0b6f4c1e-5d2a-4f7e-9c3b-2a1d8e7f6a50",
             "household": "8c1f0a52-3a8e-4a55-9d1e-2f4b6c7d8e90", "receivedAt": "2026-03-02T08:15:00Z",
             "report": {"reporterType": "SCHOOL", "summary": "Alva has come to school hungry several times."}}""")))
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CaseAnswers.Opened> open(@RequestBody OpenCaseRequest body, CommandContext context) {
        persons.openCase(context.staff(), body.child(), body.household(), "POST /api/v1/cases");
        CaseId caseId = CaseId.random();
        ReportId reportId = body.report() != null ? ReportId.random() : null;
        return commands.create(context, caseId, body, sender -> {
            var number = caseNumbers.next(context.recordedAt());
            var unit = body.unit() != null ? body.unit() : context.staff().unit();
            AccessPolicy.refusesUnit(context.staff(), unit).ifPresent(reason -> {
                throw new AccessRefusedException(reason);
            });
            sender.send(new OpenCase(caseId, number, unit, body.origin(), body.child(), body.household(), body.receivedAt(),
                    context.envelope(body.occurredAt())));
            if (reportId != null) {
                // The report opening a case was received, and happened, when the case says unless it says otherwise.
                ReportRequest report = new ReportRequest(body.report().reporterType(), body.report().summary(),
                        body.report().receivedAt() != null ? body.report().receivedAt() : body.receivedAt(),
                        body.report().occurredAt() != null ? body.report().occurredAt() : body.occurredAt());
                sender.send(reportCommand(caseId, reportId, report, context));
            }
            return CommandResult.created(casePath(caseId), new CaseAnswers.Opened(caseId, number, reportId));
        });
    }

    /**
     * The case view: live, or as the ledger knew it at {@code asOf} (by recorded time), or after event
     * {@code asOfEvent}. Only the live view carries the version as {@code ETag}: a past state is not one to write on.
     */
    @Operation(summary = "Read a case", description = """
            The case view: its status, investigation, decisions, visits, contacts, notes, interventions, consents and \
            disclosures, folded from its events. Live, it carries the case's version as `ETag` (send it back in `If-Match` \
            to make a command conditional). With `asOf` (a recorded time) or `asOfEvent` (a sequence number) it is the case \
            as the ledger knew it then, without `ETag`: a past state is not one to write on. Every read is logged.""")
    @GetMapping("/{caseId}")
    ResponseEntity<CaseView> view(@PathVariable CaseId caseId,
                                  @Parameter(description = "The case as recorded up to this time") @RequestParam(required = false) Instant asOf,
                                  @Parameter(description = "The case as it was after the event of this sequence number")
                                  @RequestParam(required = false) Long asOfEvent) {
        CaseReader.Moment moment = new CaseReader.Moment(asOf, asOfEvent);
        CaseView view = reader.view(caseId, moment);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (moment.isNow()) {
            response.eTag(Versions.etag(view.version));
        }
        return response.body(view);
    }

    @Operation(summary = "Read a case's timeline", description = """
            The case's events in the order they happened (business time), each in words for a reader, with who recorded \
            it, in which role and unit, and which corrections point at which entries: its codes (`type`, `role`, \
            `legalBasisId`) for programs, and its words (`what`, `legalBasis`) in the language of `?lang=`, the pages' \
            cookie or `Accept-Language`, Swedish by default. `asOf` and `asOfEvent` work as for the case. Pages of at \
            most `limit` entries from position `from`; the `Link` header names the next page while more follow, and \
            holds the timeline at the event the first page showed (`asOfEvent`), so that a fact recorded late meanwhile \
            cannot shift an entry from one page to the next.""")
    @Paged
    @GetMapping("/{caseId}/timeline")
    ResponseEntity<List<TimelineEntry>> timeline(@PathVariable CaseId caseId,
                                 @Parameter(description = "The timeline as recorded up to this time") @RequestParam(required = false) Instant asOf,
                                 @Parameter(description = "The timeline as it was after the event of this sequence number")
                                 @RequestParam(required = false) Long asOfEvent,
                                 @Parameter(description = "The position in the timeline of the first entry of the page, from 0")
                                 @RequestParam(defaultValue = "0") int from,
                                 @Parameter(description = "The most entries in the page, 1 to 1000")
                                 @RequestParam(defaultValue = "" + HISTORY_PAGE) int limit, HttpServletRequest request) {
        PageBounds.check("from", from, limit);
        List<TimelineEntry> timeline = reader.timeline(caseId, new CaseReader.Moment(asOf, asOfEvent), ProblemLanguage.of(request));
        List<TimelineEntry> page = timeline.subList(Math.min(from, timeline.size()), Math.min(from + limit, timeline.size()));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (from + limit < timeline.size()) {
            long shown = timeline.stream().mapToLong(TimelineEntry::sequenceNumber).max().orElseThrow();
            response.header(NextPage.HEADER, NextPage.link(Map.of("from", from + limit, "asOfEvent", shown)));
        }
        return response.body(page);
    }

    @Operation(summary = "Read a case's compliance", description = """
            The case's compliance with each rule an auditor checks (docs/metrics.md), computed from its events alone: one \
            check per report, investigation, decision, disclosure and journal note, with its reference day, its last day, \
            the day it was met and its status on the day asked (`MET`, `MISSED`, `OVERDUE` or `PENDING`). `asOf` and \
            `asOfEvent` work as for the case; the status is then as of that moment's day (for an event, the day it was \
            recorded). The auditor's kit replays a case file with the same code.""")
    @GetMapping("/{caseId}/compliance")
    List<CaseAtMoment.Check> caseCompliance(@PathVariable CaseId caseId,
                                        @Parameter(description = "The compliance as recorded up to this time") @RequestParam(required = false) Instant asOf,
                                        @Parameter(description = "The compliance as it was after the event of this sequence number")
                                        @RequestParam(required = false) Long asOfEvent) {
        return reader.compliance(caseId, new CaseReader.Moment(asOf, asOfEvent));
    }

    /**
     * The case's stored events, in pages of at most {@code limit} (1000 by default and at most) from the sequence number
     * {@code from}; when more follow, the {@code Link} header ({@code rel="next"}) names the next page.
     */
    @Operation(summary = "Read a case's stored events", description = """
            The case's events as stored, in the order they were recorded, each with its sequence number, type, revision, \
            envelope (who, role, unit, when it happened and when it was recorded) and data. Corrections are events of \
            their own; nothing is ever changed. Pages of at most `limit` events from the sequence number `from`; the \
            `Link` header names the next page while more follow.""")
    @Paged
    @GetMapping("/{caseId}/history")
    ResponseEntity<List<EventHistory.Entry>> history(@PathVariable CaseId caseId,
                                                     @Parameter(description = "The sequence number of the first event of the page")
                                                     @RequestParam(defaultValue = "0") long from,
                                                     @Parameter(description = "The most events in the page, 1 to 1000")
                                                     @RequestParam(defaultValue = "" + HISTORY_PAGE) int limit) {
        PageBounds.check("from", from, limit);
        List<EventHistory.Entry> page = reader.history(caseId, from, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.size() == limit) {
            long next = page.get(page.size() - 1).sequenceNumber() + 1;
            response.header(NextPage.HEADER, NextPage.link("from", next));
        }
        return response.body(page);
    }

    @Operation(summary = "Read one entry of a case", description = """
            One entry of one of the case's lists, as in the case view: a report, decision, visit, contact, note, \
            intervention, consent or disclosure, by the id its command answered with. The `Location` of a 201 names it.""")
    @ApiResponse(responseCode = "200", description = "The entry, in the shape of its list's entries in the case view",
            content = @Content(schema = @Schema(anyOf = {CaseView.Report.class, CaseView.Decision.class, CaseView.Visit.class,
                    CaseView.Contact.class, CaseView.Note.class, CaseView.Intervention.class, CaseView.Consent.class,
                    CaseView.Disclosure.class})))
    @GetMapping("/{caseId}/{collection}/{itemId}")
    CaseView.Item item(@PathVariable CaseId caseId,
                       @Parameter(description = "The case's list", schema = @Schema(allowableValues = {"reports", "decisions", "visits",
                               "contacts", "notes", "interventions", "consents", "disclosures"})) @PathVariable String collection,
                       @Parameter(description = "The entry's id", schema = @Schema(format = "uuid")) @PathVariable String itemId) {
        Function<CaseView, List<? extends CaseView.Item>> items = COLLECTIONS.get(collection);
        if (items == null) {
            throw new NotFoundException("a case has no list called " + collection);
        }
        return items.apply(reader.view(caseId, CaseReader.Moment.NOW)).stream()
                .filter(item -> item.id.equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("case " + caseId + " has no entry " + itemId + " in " + collection));
    }

    @Operation(summary = "Receive a report of concern", description = """
            Records a report of concern (orosanmälan) received on an open case. `receivedAt` is when it reached the \
            office (the recording time when left out); the immediate protection assessment must follow the same day \
            (`POST .../assessments`).""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/reports")
    ResponseEntity<CaseAnswers.Report> report(@PathVariable CaseId caseId, @RequestBody ReportRequest body, CommandContext context) {
        ReportId reportId = ReportId.random();
        return created(context, caseId, body, reportCommand(caseId, reportId, body, context), "reports", reportId,
                new CaseAnswers.Report(reportId));
    }

    @Operation(summary = "Assess the immediate need of protection", description = """
            Records the immediate protection assessment (skyddsbedömning) of a report: whether the child needs \
            protection now, and why. The law asks for it on the day the report was received.""")
    @PostMapping("/{caseId}/assessments")
    ResponseEntity<CaseAnswers.Recorded> assessProtection(@PathVariable CaseId caseId, @RequestBody AssessmentRequest body,
                                                          CommandContext context) {
        return recorded(context, caseId, body, new AssessProtection(caseId, body.reportId(), body.immediateNeedOfProtection(),
                body.rationale(), context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Assign the case", description = """
            Makes a member of staff of the case's unit the case's assigned social secretary. Group leaders and unit \
            heads assign.""")
    @PostMapping("/{caseId}/assignments")
    ResponseEntity<CaseAnswers.Recorded> assign(@PathVariable CaseId caseId, @RequestBody AssignmentRequest body, CommandContext context) {
        return recorded(context, caseId, body, new AssignCase(caseId, body.assignee(), context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Transfer the case to another unit", description = """
            Hands the case over to another unit, which reads and works on it from then on; the caller's unit no longer \
            does. Says why.""")
    @PostMapping("/{caseId}/transfers")
    ResponseEntity<CaseAnswers.Recorded> transfer(@PathVariable CaseId caseId, @RequestBody TransferRequest body, CommandContext context) {
        return recorded(context, caseId, body, new TransferCase(caseId, body.toUnit(), body.reason(), context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Make a decision", description = """
            Records a decision (beslut) citing a legal basis of the catalogue in force on the day it is made: opening, \
            extending or closing an investigation, granting, denying or ending an intervention, closing the case. The \
            delegation order decides who may make which (a refused one answers 409 `DECISION_NOT_DELEGATED`). A grant or \
            denial of an intervention not yet in the case leaves `interventionId` out and names `interventionType`; the \
            answer then names the new intervention. Extending an investigation names `investigationExtendedUntil`; extending \
            the preliminary assessment beyond its fourteen days (`EXTEND_PRELIMINARY_ASSESSMENT`, while a report awaits the \
            decision whether to investigate) names `assessmentExtendedUntil`, and its rationale is the special reason the \
            law asks for. An extension decided after the deadline then in force is recorded and does not count.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "open-investigation", summary = "Decide to investigate",
                    description = "Cites the provision of the act in force on the day", value = """
                    {"kind": "OPEN_INVESTIGATION", "legalBasis": "SFS2025:400-20kap2", "rationale": "Repeated signs of neglect."}"""),
            @ExampleObject(name = "grant-intervention", summary = "Grant family treatment",
                    description = "A group leader grants a new intervention by its type; the answer names it", value = """
                    {"kind": "GRANT_INTERVENTION", "legalBasis": "SFS2025:400-9kap1", "interventionType": "FAMILY_TREATMENT",
                     "appealInformationGiven": true, "rationale": "Support with routines; the parents agree."}"""),
            @ExampleObject(name = "extend-preliminary-assessment", summary = "More time for the preliminary assessment",
                    description = "Special reasons, recorded within the fourteen days", value = """
                    {"kind": "EXTEND_PRELIMINARY_ASSESSMENT", "legalBasis": "SFS2025:400-20kap2", "assessmentExtendedUntil": "2026-03-27",
                     "rationale": "The police report the school refers to is awaited."}""")}))
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/decisions")
    ResponseEntity<CaseAnswers.Decision> decide(@PathVariable CaseId caseId, @RequestBody DecisionRequest body, CommandContext context) {
        DecisionId decisionId = DecisionId.random();
        InterventionId interventionId = body.interventionId() == null && body.kind().concernsIntervention()
                ? InterventionId.random()
                : body.interventionId();
        MakeDecision command = new MakeDecision(caseId, decisionId, body.kind(), body.legalBasis(), body.rationale(),
                body.appealInformationGiven(), interventionId, body.interventionType(), body.investigationExtendedUntil(),
                body.assessmentExtendedUntil(), context.envelope(body.occurredAt()));
        return created(context, caseId, body, command, "decisions", decisionId, new CaseAnswers.Decision(decisionId, interventionId));
    }

    @Operation(summary = "Record that the child was heard", description = """
            Records what the child said when heard in the investigation (barnets röst), in a summary.""")
    @PostMapping("/{caseId}/child-hearings")
    ResponseEntity<CaseAnswers.Recorded> childHeard(@PathVariable CaseId caseId, @RequestBody ChildHeardRequest body, CommandContext context) {
        return recorded(context, caseId, body, new RecordChildHeard(caseId, body.summary(), context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Record why the child was not heard", description = """
            Records why the child was not heard in the investigation, as the law asks when a child is not.""")
    @PostMapping("/{caseId}/child-not-heard-reasons")
    ResponseEntity<CaseAnswers.Recorded> childNotHeard(@PathVariable CaseId caseId, @RequestBody ChildNotHeardRequest body,
                                                       CommandContext context) {
        return recorded(context, caseId, body, new RecordChildNotHeard(caseId, body.reason(), context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Book a visit", description = """
            Books a visit (hembesök or a meeting at the office) for a planned time; its outcome is recorded later as \
            held, missed or cancelled.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/visits")
    ResponseEntity<CaseAnswers.Visit> bookVisit(@PathVariable CaseId caseId, @RequestBody BookVisitRequest body, CommandContext context) {
        VisitId visitId = VisitId.random();
        return created(context, caseId, body, new BookVisit(caseId, visitId, body.plannedAt(), body.place(),
                context.envelope(body.occurredAt())), "visits", visitId, new CaseAnswers.Visit(visitId));
    }

    @Operation(summary = "Record that a visit was held", description = """
            Records that a booked visit took place. The body may be left out; `occurredAt` says when it was held if not now.""")
    @PostMapping("/{caseId}/visits/{visitId}/held")
    ResponseEntity<CaseAnswers.Recorded> visitHeld(@PathVariable CaseId caseId, @PathVariable VisitId visitId,
                                                   @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new RecordVisitHeld(caseId, visitId, context.envelope(occurrence.occurredAt())));
    }

    @Operation(summary = "Record that a visit was missed", description = """
            Records that the family was not there for a booked visit. The body may be left out.""")
    @PostMapping("/{caseId}/visits/{visitId}/missed")
    ResponseEntity<CaseAnswers.Recorded> visitMissed(@PathVariable CaseId caseId, @PathVariable VisitId visitId,
                                                     @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new RecordVisitMissed(caseId, visitId, context.envelope(occurrence.occurredAt())));
    }

    @Operation(summary = "Cancel a visit", description = """
            Records that a booked visit was called off, by whom, and optionally why.""")
    @PostMapping("/{caseId}/visits/{visitId}/cancellation")
    ResponseEntity<CaseAnswers.Recorded> cancelVisit(@PathVariable CaseId caseId, @PathVariable VisitId visitId,
                                                     @RequestBody CancelVisitRequest body, CommandContext context) {
        return recorded(context, caseId, body, new CancelVisit(caseId, visitId, body.cancelledBy(), body.reason(),
                context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Record a contact", description = """
            Records a contact with the family or a partner (a call, a letter, a meeting): by which channel, who took \
            the initiative, and optionally a summary. A collaboration meeting names the partner's type.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/contacts")
    ResponseEntity<CaseAnswers.Contact> contact(@PathVariable CaseId caseId, @RequestBody ContactRequest body, CommandContext context) {
        ContactId contactId = ContactId.random();
        return created(context, caseId, body, new RecordContact(caseId, contactId, body.channel(), body.initiatedBy(), body.partner(),
                body.summary(), context.envelope(body.occurredAt())), "contacts", contactId, new CaseAnswers.Contact(contactId));
    }

    @Operation(summary = "Write a journal note", description = """
            Records a journal note (journalanteckning). A note is never changed: a mistake is corrected by a correction \
            (`POST .../notes/{noteId}/corrections`), and the original stays readable.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "note",
            summary = "A journal note about a phone call", description = "Written the same day; occurredAt says when the call was", value = """
            {"text": "Phoned the school nurse; Alva has breakfast at school since Monday.", "occurredAt": "2026-03-03T10:00:00Z"}""")))
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/notes")
    ResponseEntity<CaseAnswers.Note> note(@PathVariable CaseId caseId, @RequestBody NoteRequest body, CommandContext context) {
        NoteId noteId = NoteId.random();
        return created(context, caseId, body, new RecordJournalNote(caseId, noteId, body.text(), context.envelope(body.occurredAt())),
                "notes", noteId, new CaseAnswers.Note(noteId));
    }

    @Operation(summary = "Correct a journal note", description = """
            Records a correction (rättelse) of a note: a new note with the right text and the reason, pointing at the \
            original, which stays readable. The answer names the correction.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/notes/{noteId}/corrections")
    ResponseEntity<CaseAnswers.Note> correctNote(@PathVariable CaseId caseId, @PathVariable NoteId noteId,
                                                 @RequestBody CorrectionRequest body, CommandContext context) {
        NoteId correctionId = NoteId.random();
        return created(context, caseId, body, new CorrectJournalNote(caseId, correctionId, noteId, body.text(), body.reason(),
                context.envelope(body.occurredAt())), "notes", correctionId, new CaseAnswers.Note(correctionId));
    }

    @Operation(summary = "Offer an intervention", description = """
            Offers the family an intervention: one granted by a decision, named by its `interventionId` (the answer is \
            then 200: the intervention was already there), or a new one (such as support and service, which needs no \
            decision) by its `type` alone (201, with the new intervention's `Location`).""")
    @ApiResponse(responseCode = "200", description = "The intervention named was offered",
            content = @Content(schema = @Schema(implementation = CaseAnswers.Intervention.class)))
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/interventions")
    ResponseEntity<CaseAnswers.Intervention> offerIntervention(@PathVariable CaseId caseId, @RequestBody OfferRequest body,
                                                               CommandContext context) {
        InterventionId interventionId = body.interventionId() != null ? body.interventionId() : InterventionId.random();
        OfferIntervention command = new OfferIntervention(caseId, interventionId, body.type(), body.voluntary(),
                context.envelope(body.occurredAt()));
        CaseAnswers.Intervention answer = new CaseAnswers.Intervention(interventionId);
        if (body.interventionId() != null) {
            return commands.execute(context, caseId, CaseEvent.class, body, sender -> {
                sender.send(command);
                return CommandResult.recorded(answer);
            });
        }
        return created(context, caseId, body, command, "interventions", interventionId, answer);
    }

    @Operation(summary = "Record that an offered intervention was accepted", description = """
            Records the family's yes to an offered intervention. The body may be left out.""")
    @PostMapping("/{caseId}/interventions/{interventionId}/acceptance")
    ResponseEntity<CaseAnswers.Recorded> acceptIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                            @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new AcceptIntervention(caseId, interventionId, context.envelope(occurrence.occurredAt())));
    }

    @Operation(summary = "Record that an offered intervention was declined", description = """
            Records the family's no to an offered intervention, optionally with their reason. The body may be left out.""")
    @PostMapping("/{caseId}/interventions/{interventionId}/declination")
    ResponseEntity<CaseAnswers.Recorded> declineIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                             @RequestBody(required = false) ReasonRequest body, CommandContext context) {
        ReasonRequest reason = body == null ? new ReasonRequest(null, null) : body;
        return recorded(context, caseId, reason, new DeclineIntervention(caseId, interventionId, reason.reason(),
                context.envelope(reason.occurredAt())));
    }

    @Operation(summary = "Record that an intervention started", description = """
            Records that an accepted intervention began. The body may be left out.""")
    @PostMapping("/{caseId}/interventions/{interventionId}/start")
    ResponseEntity<CaseAnswers.Recorded> startIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                           @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new StartIntervention(caseId, interventionId, context.envelope(occurrence.occurredAt())));
    }

    @Operation(summary = "Follow up an intervention", description = """
            Records a follow-up (uppföljning) of a started intervention: how it goes, in a summary.""")
    @PostMapping("/{caseId}/interventions/{interventionId}/follow-ups")
    ResponseEntity<CaseAnswers.Recorded> followUpIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                              @RequestBody FollowUpRequest body, CommandContext context) {
        return recorded(context, caseId, body, new FollowUpIntervention(caseId, interventionId, body.summary(),
                context.envelope(body.occurredAt())));
    }

    @Operation(summary = "End an intervention", description = """
            Records that an intervention ended, and why.""")
    @PostMapping("/{caseId}/interventions/{interventionId}/end")
    ResponseEntity<CaseAnswers.Recorded> endIntervention(@PathVariable CaseId caseId, @PathVariable InterventionId interventionId,
                                                         @RequestBody EndInterventionRequest body, CommandContext context) {
        return recorded(context, caseId, body, new EndIntervention(caseId, interventionId, body.reason(),
                context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Record a consent", description = """
            Records a consent (samtycke) a person gave to share information with a partner, for a purpose, from \
            `validFrom` and until `validUntil` if it ends (not before `validFrom`). A disclosure may rest on it.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/consents")
    ResponseEntity<CaseAnswers.Consent> giveConsent(@PathVariable CaseId caseId, @RequestBody ConsentRequest body, CommandContext context) {
        ConsentId consentId = ConsentId.random();
        return created(context, caseId, body, new GiveConsent(caseId, consentId, body.person(), body.partner(), body.partnerName(),
                body.purpose(), body.validFrom(), body.validUntil(), context.envelope(body.occurredAt())), "consents", consentId,
                new CaseAnswers.Consent(consentId));
    }

    @Operation(summary = "Record that a consent was withdrawn", description = """
            Records that the person withdrew a consent; no disclosure may rest on it from then on. The body may be left out.""")
    @PostMapping("/{caseId}/consents/{consentId}/withdrawal")
    ResponseEntity<CaseAnswers.Recorded> withdrawConsent(@PathVariable CaseId caseId, @PathVariable ConsentId consentId,
                                                         @RequestBody(required = false) OccurrenceRequest body, CommandContext context) {
        OccurrenceRequest occurrence = orNow(body);
        return recorded(context, caseId, occurrence, new WithdrawConsent(caseId, consentId, context.envelope(occurrence.occurredAt())));
    }

    @Operation(summary = "Record a disclosure", description = """
            Records information disclosed to a partner (uppgiftslämnande), resting on exactly one basis: a consent of \
            this case that is in force (`consent`), or a provision of the legal catalogue (`provision`).""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{caseId}/disclosures")
    ResponseEntity<CaseAnswers.Disclosure> disclose(@PathVariable CaseId caseId, @RequestBody DisclosureRequest body, CommandContext context) {
        DisclosureId disclosureId = DisclosureId.random();
        return created(context, caseId, body, new DiscloseInformation(caseId, disclosureId, body.partner(), body.partnerName(),
                body.consent(), body.provision(), body.content(), context.envelope(body.occurredAt())),
                "disclosures", disclosureId, new CaseAnswers.Disclosure(disclosureId));
    }

    @Operation(summary = "Close the case", description = """
            Closes the case, and says why. Nothing more is recorded on a closed case.""")
    @PostMapping("/{caseId}/closure")
    ResponseEntity<CaseAnswers.Recorded> close(@PathVariable CaseId caseId, @RequestBody ClosureRequest body, CommandContext context) {
        return recorded(context, caseId, body, new CloseCase(caseId, body.reason(), context.envelope(body.occurredAt())));
    }

    private static ReceiveReportOfConcern reportCommand(CaseId caseId, ReportId reportId, ReportRequest report, CommandContext context) {
        return new ReceiveReportOfConcern(caseId, reportId, report.reporterType(), report.summary(),
                report.receivedAt() != null ? report.receivedAt() : context.recordedAt(), context.envelope(report.occurredAt()));
    }

    /** A fact with an id of its own: 201, and where to read it. */
    private <T> ResponseEntity<T> created(CommandContext context, CaseId caseId, Object body, LedgerCommand command,
                                          String collection, Object itemId, T answer) {
        return commands.execute(context, caseId, CaseEvent.class, body, sender -> {
            sender.send(command);
            return CommandResult.created(casePath(caseId) + "/" + collection + "/" + itemId, answer);
        });
    }

    /** A step in the case's life: 200, and the case's id. */
    private ResponseEntity<CaseAnswers.Recorded> recorded(CommandContext context, CaseId caseId, Object body, LedgerCommand command) {
        return commands.execute(context, caseId, CaseEvent.class, body, sender -> {
            sender.send(command);
            return CommandResult.recorded(new CaseAnswers.Recorded(caseId));
        });
    }

    private static OccurrenceRequest orNow(OccurrenceRequest body) {
        return body == null ? new OccurrenceRequest(null) : body;
    }

    private static String casePath(CaseId caseId) {
        return "/api/v1/cases/" + caseId;
    }
}
