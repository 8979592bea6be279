package org.caseledger.api.households;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.HouseholdAccessGuard;
import org.caseledger.api.contract.Descriptions;
import org.caseledger.api.problems.ProblemLanguage;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.streams.CommandResult;
import org.caseledger.api.streams.CommandTransaction;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.web.CommandContext;
import org.caseledger.core.household.AddHouseholdMember;
import org.caseledger.core.household.ChangeHouseholdRelation;
import org.caseledger.core.household.HouseholdEvent;
import org.caseledger.core.household.HouseholdRelation;
import org.caseledger.core.household.RemoveHouseholdMember;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
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

/**
 * A household: its view, as far as the caller may see it, and its members joining, changing their relation to the
 * children and leaving. A household that cases or outreach refer to exists without being formed (ADR 0020); adding its
 * first member forms it.
 */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    private static final String RELATIONS = "CHILD: one of the household's children; PARENT; GUARDIAN: a legal guardian who is "
            + "not a parent; SIBLING: a brother or sister who is not one of its children; OTHER_ADULT: another adult living there";

    record MemberRequest(@Schema(requiredMode = REQUIRED, description = "The person who joins: registered, and not erased") PersonId person,
                         @Schema(requiredMode = REQUIRED, description = RELATIONS) HouseholdRelation relation,
                         @Schema(description = Descriptions.OCCURRED_AT + "; the day the person joined the household") Instant occurredAt) {
        MemberRequest {
            Require.present(person, "person");
            Require.present(relation, "relation");
        }
    }

    record RelationRequest(@Schema(requiredMode = REQUIRED, description = RELATIONS) HouseholdRelation relation,
                           @Schema(description = Descriptions.OCCURRED_AT + "; the day the relation changed") Instant occurredAt) {
        RelationRequest {
            Require.present(relation, "relation");
        }
    }

    /** When the member left; the body may be left out (they left now). */
    record DepartureRequest(@Schema(description = Descriptions.OCCURRED_AT + "; the day the member left") Instant occurredAt) {
    }

    /** A change of the household's membership was recorded. */
    record MembershipRecorded(@Schema(requiredMode = REQUIRED) HouseholdId householdId, @Schema(requiredMode = REQUIRED) PersonId person) {
    }

    private final HouseholdAccessGuard guard;
    private final HouseholdReader reader;
    private final CommandTransaction commands;
    private final EventHistory history;

    HouseholdController(HouseholdAccessGuard guard, HouseholdReader reader, CommandTransaction commands, EventHistory history) {
        this.guard = guard;
        this.reader = reader;
        this.commands = commands;
        this.history = history;
    }

    @Operation(summary = "Read a household", description = """
            The household's members with their relations to its children over time, its children's case files, and one \
            timeline of its membership, of those files' openings, interventions, consents, disclosures and closings, and of \
            the outreach with it (conversations without an aid decision, support and service), with each entry's words in \
            the language of `?lang=`. Only what the caller may read is there: a case file they may read, a member they may \
            read (a protected member only for the unit head and the assigned case workers of the household's files), an \
            activity of their unit; the rest is left out without a trace. Refused to one who may read none of it. Every \
            case file and member shown is logged as read. A household nothing refers to is not found.""")
    @GetMapping("/{householdId}")
    HouseholdView household(@PathVariable HouseholdId householdId, HttpServletRequest request) {
        HouseholdAccessGuard.Visible visible = guard.read(CurrentStaff.get(), householdId, "GET /api/v1/households/{householdId}",
                request.getHeader(AccessLog.PURPOSE_HEADER));
        return reader.read(visible, ProblemLanguage.of(request));
    }

    @Operation(summary = "Add a member to a household", description = """
            Records that a registered person became a member of the household from `occurredAt`, in their relation to its \
            children. The first member forms the household. A person who is a member already is refused \
            (`ALREADY_A_HOUSEHOLD_MEMBER`), as is a date before the person's previous change in the household. From the \
            moment it is recorded the member is in every case file of the household, and a protected identity of theirs \
            protects them all; so only a member of staff who may act on every case file of the household adds one, and a \
            protected person only one who may read them.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{householdId}/members")
    ResponseEntity<MembershipRecorded> addMember(@PathVariable HouseholdId householdId, @RequestBody MemberRequest body,
                                                 CommandContext context) {
        guard.change(CurrentStaff.get(), householdId, body.person(), "POST /api/v1/households/{householdId}/members");
        return record(context, householdId, body, sender -> {
            sender.send(new AddHouseholdMember(householdId, body.person(), body.relation(), context.envelope(body.occurredAt())));
            return CommandResult.created("/api/v1/households/" + householdId, new MembershipRecorded(householdId, body.person()));
        });
    }

    @Operation(summary = "Change a member's relation to the household's children", description = """
            Records that the member's relation to the household's children changed from `occurredAt`. Refused for a \
            person who is no recorded member now (`NOT_A_HOUSEHOLD_MEMBER`; a child who is a member only through a case is \
            added first), for the relation they already have, and for a date before their previous change.""")
    @PostMapping("/{householdId}/members/{personId}/relation-changes")
    ResponseEntity<MembershipRecorded> changeRelation(@PathVariable HouseholdId householdId, @PathVariable PersonId personId,
                                                      @RequestBody RelationRequest body, CommandContext context) {
        guard.change(CurrentStaff.get(), householdId, personId, "POST /api/v1/households/{householdId}/members/{personId}/relation-changes");
        return record(context, householdId, body, sender -> {
            sender.send(new ChangeHouseholdRelation(householdId, personId, body.relation(), context.envelope(body.occurredAt())));
            return CommandResult.recorded(new MembershipRecorded(householdId, personId));
        });
    }

    @Operation(summary = "Record that a member left a household", description = """
            Records that the member left the household at `occurredAt`. The household's case files keep what was recorded \
            while they lived there, so a protected identity of theirs still protects those files. Refused for a person who \
            is no recorded member now, and for a date before their previous change. The body may be left out.""")
    @PostMapping("/{householdId}/members/{personId}/departure")
    ResponseEntity<MembershipRecorded> departure(@PathVariable HouseholdId householdId, @PathVariable PersonId personId,
                                                 @RequestBody(required = false) DepartureRequest body, CommandContext context) {
        DepartureRequest departure = body == null ? new DepartureRequest(null) : body;
        guard.change(CurrentStaff.get(), householdId, personId, "POST /api/v1/households/{householdId}/members/{personId}/departure");
        return record(context, householdId, departure, sender -> {
            sender.send(new RemoveHouseholdMember(householdId, personId, context.envelope(departure.occurredAt())));
            return CommandResult.recorded(new MembershipRecorded(householdId, personId));
        });
    }

    /** The household's first command starts its stream; the others are checked against its version ({@code If-Match}). */
    private <T> ResponseEntity<T> record(CommandContext context, HouseholdId householdId, Object body, CommandTransaction.Work<T> work) {
        return history.exists(householdId, HouseholdEvent.class)
                ? commands.execute(context, householdId, HouseholdEvent.class, body, work)
                : commands.create(context, householdId, body, work);
    }
}
