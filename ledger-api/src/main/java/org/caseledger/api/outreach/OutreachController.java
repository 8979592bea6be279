package org.caseledger.api.outreach;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.caseledger.api.access.AccessPolicy;
import org.caseledger.api.access.AccessRefusedException;
import org.caseledger.api.contract.Descriptions;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.streams.CommandResult;
import org.caseledger.api.streams.CommandTransaction;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.web.CommandContext;
import org.caseledger.core.outreach.ActivityId;
import org.caseledger.core.outreach.ConsultationTopic;
import org.caseledger.core.outreach.HoldAnonymousConsultation;
import org.caseledger.core.outreach.HoldConversationWithoutAid;
import org.caseledger.core.outreach.HoldInformationMeeting;
import org.caseledger.core.outreach.OutreachCommand;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.core.outreach.ProvideServiceSupport;
import org.caseledger.core.outreach.ServiceSupportKind;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.Require;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The office's low-threshold work outside formal cases; each request records one activity. */
@RestController
@RequestMapping("/api/v1/outreach")
class OutreachController {

    record AnonymousConsultationRequest(@Schema(requiredMode = REQUIRED) ConsultationTopic topic,
                                        @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        AnonymousConsultationRequest {
            Require.present(topic, "topic");
        }
    }

    record InformationMeetingRequest(@Schema(requiredMode = REQUIRED, description = "Who the meeting was for", minLength = 1,
                                             maxLength = HoldInformationMeeting.AUDIENCE_LIMIT, pattern = Require.TEXT_PATTERN) String audience,
                                     @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "" + HoldInformationMeeting.PARTICIPANTS_LIMIT)
                                     Integer participants,
                                     @ArraySchema(schema = @Schema(minLength = 1, maxLength = HoldInformationMeeting.TOPIC_LIMIT,
                                             pattern = Require.TEXT_PATTERN)) List<String> topics,
                                     @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        InformationMeetingRequest {
            Require.present(audience, "audience");
            Require.present(participants, "participants");
        }
    }

    record ConversationRequest(@Schema(requiredMode = REQUIRED) HouseholdId household, @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ConversationRequest {
            Require.present(household, "household");
        }
    }

    record ServiceSupportRequest(@Schema(requiredMode = REQUIRED) HouseholdId household, @Schema(requiredMode = REQUIRED) ServiceSupportKind kind,
                                 @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ServiceSupportRequest {
            Require.present(household, "household");
            Require.present(kind, "kind");
        }
    }

    /** An activity was recorded; its {@code Location} is where to read it. */
    record Recorded(@Schema(requiredMode = REQUIRED) ActivityId activityId) {
    }

    private final CommandTransaction commands;
    private final EventHistory history;

    OutreachController(CommandTransaction commands, EventHistory history) {
        this.commands = commands;
        this.history = history;
    }

    /** One recorded activity, as stored: for its own unit's staff and auditors, like the unit's figures and lists. */
    @Operation(summary = "Read an outreach activity", description = """
            One recorded activity as stored, with its envelope: for its own unit's staff and for auditors.""")
    @GetMapping("/activities/{activityId}")
    EventHistory.Entry activity(@PathVariable ActivityId activityId) {
        EventHistory.Entry activity = history.entries(activityId, OutreachEvent.class).get(0);
        AccessPolicy.refusesUnit(CurrentStaff.get(), activity.envelope().unit()).ifPresent(reason -> {
            throw new AccessRefusedException(reason);
        });
        return activity;
    }

    @Operation(summary = "Record an anonymous consultation", description = """
            Records a consultation with someone who stays anonymous (rådgivning), by its topic only: no person, no \
            household, nothing that names anyone.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/anonymous-consultations")
    ResponseEntity<Recorded> anonymousConsultation(@RequestBody AnonymousConsultationRequest body, CommandContext context) {
        ActivityId activityId = ActivityId.random();
        return record(context, body, new HoldAnonymousConsultation(activityId, body.topic(), context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Record an information meeting", description = """
            Records an information meeting the office held: for whom, how many took part, and its topics.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/information-meetings")
    ResponseEntity<Recorded> informationMeeting(@RequestBody InformationMeetingRequest body, CommandContext context) {
        ActivityId activityId = ActivityId.random();
        return record(context, body, new HoldInformationMeeting(activityId, body.audience(),
                body.participants(), body.topics(), context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Record a conversation without aid", description = """
            Records a conversation with a household that led to no aid and no case (samtal utan bistånd).""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/conversations-without-aid")
    ResponseEntity<Recorded> conversationWithoutAid(@RequestBody ConversationRequest body, CommandContext context) {
        ActivityId activityId = ActivityId.random();
        return record(context, body, new HoldConversationWithoutAid(activityId, body.household(), context.envelope(body.occurredAt())));
    }

    @Operation(summary = "Record service support", description = """
            Records support given to a household without an investigation (serviceinsats), by its kind.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/service-support")
    ResponseEntity<Recorded> serviceSupport(@RequestBody ServiceSupportRequest body, CommandContext context) {
        ActivityId activityId = ActivityId.random();
        return record(context, body, new ProvideServiceSupport(activityId, body.household(), body.kind(), context.envelope(body.occurredAt())));
    }

    private ResponseEntity<Recorded> record(CommandContext context, Object body, OutreachCommand command) {
        ActivityId activityId = command.activityId();
        return commands.create(context, activityId, body, sender -> {
            sender.send(command);
            return CommandResult.created("/api/v1/outreach/activities/" + activityId, new Recorded(activityId));
        });
    }
}
