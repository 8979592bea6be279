package org.caseledger.api.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.caseledger.api.access.AccessPolicy;
import org.caseledger.api.access.AccessRefusedException;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.web.CommandContext;
import org.caseledger.api.web.CommandResult;
import org.caseledger.api.web.CommandTransaction;
import org.caseledger.api.web.EventHistory;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The office's low-threshold work outside formal cases; each request records one activity. */
@RestController
@RequestMapping("/api/v1/outreach")
class OutreachController {

    record AnonymousConsultationRequest(ConsultationTopic topic, Instant occurredAt) {
        AnonymousConsultationRequest {
            Require.present(topic, "topic");
        }
    }

    record InformationMeetingRequest(String audience, Integer participants, List<String> topics, Instant occurredAt) {
        InformationMeetingRequest {
            Require.present(audience, "audience");
            Require.present(participants, "participants");
        }
    }

    record ConversationRequest(HouseholdId household, Instant occurredAt) {
        ConversationRequest {
            Require.present(household, "household");
        }
    }

    record ServiceSupportRequest(HouseholdId household, ServiceSupportKind kind, Instant occurredAt) {
        ServiceSupportRequest {
            Require.present(household, "household");
            Require.present(kind, "kind");
        }
    }

    private final CommandTransaction commands;
    private final EventHistory history;

    OutreachController(CommandTransaction commands, EventHistory history) {
        this.commands = commands;
        this.history = history;
    }

    /** One recorded activity, as stored: for its own unit's staff and auditors, like the unit's figures and lists. */
    @GetMapping("/activities/{activityId}")
    EventHistory.Entry activity(@PathVariable ActivityId activityId) {
        EventHistory.Entry activity = history.entries(activityId, OutreachEvent.class).get(0);
        AccessPolicy.refusesUnit(CurrentStaff.get(), activity.envelope().unit()).ifPresent(reason -> {
            throw new AccessRefusedException(reason);
        });
        return activity;
    }

    @PostMapping("/anonymous-consultations")
    ResponseEntity<Map<String, Object>> anonymousConsultation(@RequestBody AnonymousConsultationRequest body, CommandContext context) {
        ActivityId activityId = ActivityId.random();
        return record(context, body, new HoldAnonymousConsultation(activityId, body.topic(), context.envelope(body.occurredAt())));
    }

    @PostMapping("/information-meetings")
    ResponseEntity<Map<String, Object>> informationMeeting(@RequestBody InformationMeetingRequest body, CommandContext context) {
        ActivityId activityId = ActivityId.random();
        return record(context, body, new HoldInformationMeeting(activityId, body.audience(),
                body.participants(), body.topics(), context.envelope(body.occurredAt())));
    }

    @PostMapping("/conversations-without-aid")
    ResponseEntity<Map<String, Object>> conversationWithoutAid(@RequestBody ConversationRequest body, CommandContext context) {
        ActivityId activityId = ActivityId.random();
        return record(context, body, new HoldConversationWithoutAid(activityId, body.household(), context.envelope(body.occurredAt())));
    }

    @PostMapping("/service-support")
    ResponseEntity<Map<String, Object>> serviceSupport(@RequestBody ServiceSupportRequest body, CommandContext context) {
        ActivityId activityId = ActivityId.random();
        return record(context, body, new ProvideServiceSupport(activityId, body.household(), body.kind(), context.envelope(body.occurredAt())));
    }

    private ResponseEntity<Map<String, Object>> record(CommandContext context, Object body, OutreachCommand command) {
        ActivityId activityId = command.activityId();
        return commands.create(context, activityId, body, sender -> {
            sender.send(command);
            return CommandResult.created("/api/v1/outreach/activities/" + activityId, Map.of("activityId", activityId.toString()));
        });
    }
}
