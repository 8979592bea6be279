package org.caseledger.api.staff;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.caseledger.api.access.StaffRegistry;
import org.caseledger.api.streams.CommandResult;
import org.caseledger.api.streams.CommandTransaction;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.web.CommandContext;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.core.staff.ChangeStaffMembership;
import org.caseledger.core.staff.EndStaffMembership;
import org.caseledger.core.staff.RegisterStaffMember;
import org.caseledger.core.staff.StaffEvent;
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
 * The staff registry: who may act for which unit, in which role, from when to when. The administrator keeps it;
 * every change is an event in the ledger, so its history is the audit trail (`GET /api/v1/staff/{staffId}/history`).
 */
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

    record RegistrationRequest(@Schema(requiredMode = REQUIRED, description = "The staff id the member signs in with") StaffId staffId,
                               @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = RegisterStaffMember.NAME_LIMIT,
                                       pattern = Require.TEXT_PATTERN) String name,
                               @Schema(requiredMode = REQUIRED) UnitId unit,
                               @Schema(requiredMode = REQUIRED, description = "A role of the office's staff", allowableValues = {"SOCIAL_SECRETARY",
                                       "GROUP_LEADER", "UNIT_HEAD", "ADMINISTRATOR"}) Role role,
                               @Schema(requiredMode = REQUIRED, description = "The first day the member may act") LocalDate activeFrom) {
        RegistrationRequest {
            Require.present(staffId, "staffId");
            Require.present(name, "name");
            Require.present(unit, "unit");
            Require.present(role, "role");
            Require.present(activeFrom, "activeFrom");
        }
    }

    record ChangeRequest(@Schema(requiredMode = REQUIRED) UnitId unit,
                         @Schema(requiredMode = REQUIRED, description = "A role of the office's staff", allowableValues = {"SOCIAL_SECRETARY",
                                       "GROUP_LEADER", "UNIT_HEAD", "ADMINISTRATOR"}) Role role,
                         @Schema(requiredMode = REQUIRED, description = "The first day in the new unit or role") LocalDate from) {
        ChangeRequest {
            Require.present(unit, "unit");
            Require.present(role, "role");
            Require.present(from, "from");
        }
    }

    record EndingRequest(@Schema(requiredMode = REQUIRED, description = "The last day the member may act") LocalDate lastDay) {
        EndingRequest {
            Require.present(lastDay, "lastDay");
        }
    }

    record Recorded(@Schema(requiredMode = REQUIRED) StaffId staffId) {
    }

    private final StaffRegistry registry;
    private final CommandTransaction commands;
    private final EventHistory history;

    StaffController(StaffRegistry registry, CommandTransaction commands, EventHistory history) {
        this.registry = registry;
        this.commands = commands;
        this.history = history;
    }

    @Operation(summary = "List the staff registry", description = """
            Every member of staff with every period of their membership (unit, role, first and last day), oldest first; \
            with `unit`, those who work or worked there.""")
    @GetMapping
    List<StaffRegistry.Member> staffMembers(@Parameter(description = "Only members who work or worked in this unit")
                                       @RequestParam(required = false) UnitId unit) {
        return registry.members(unit);
    }

    @Operation(summary = "Read a member of staff", description = "The member's name and every period of their membership.")
    @GetMapping("/{staffId}")
    StaffRegistry.Member staffMember(@PathVariable StaffId staffId) {
        return registry.find(staffId).orElseThrow(() -> new NotFoundException("there is no member of staff " + staffId));
    }

    @Operation(summary = "Read a member of staff's recorded changes", description = """
            The registry's events for the member, as stored: who entered, moved or ended the membership, and when.""")
    @GetMapping("/{staffId}/history")
    List<EventHistory.Entry> staffMemberHistory(@PathVariable StaffId staffId) {
        return history.entries(staffId, StaffEvent.class);
    }

    @Operation(summary = "Enter a member of staff", description = """
            Enters a member of staff in the registry, working in a unit and role from a day on. Only members of the \
            registry act in the ledger, and a case is assigned only to a member working with cases in its unit on the \
            day. An id already entered is refused with `STAFF_ALREADY_REGISTERED`.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Recorded> enterStaffMember(@RequestBody RegistrationRequest body, CommandContext context) {
        RegisterStaffMember command = new RegisterStaffMember(body.staffId(), body.name(), body.unit(), body.role(), body.activeFrom(),
                context.envelope(null));
        if (registry.isRegistered(body.staffId())) {
            throw new LedgerRuleViolation(LedgerRule.STAFF_ALREADY_REGISTERED, body.staffId() + " is already in the staff registry",
                    body.staffId());
        }
        return commands.create(context, body.staffId(), body, sender -> {
            sender.send(command);
            return CommandResult.created("/api/v1/staff/" + body.staffId(), new Recorded(body.staffId()));
        });
    }

    @Operation(summary = "Move a member of staff to another unit or role", description = """
            From `from` on, the member works in `unit` as `role`; the membership before ends the day before. Not before \
            the first day of the membership in force, and not after the member has left.""")
    @PostMapping("/{staffId}/membership-changes")
    ResponseEntity<Recorded> changeStaffMembership(@PathVariable StaffId staffId, @RequestBody ChangeRequest body, CommandContext context) {
        return commands.execute(context, staffId, StaffEvent.class, body, sender -> {
            sender.send(new ChangeStaffMembership(staffId, body.unit(), body.role(), body.from(), context.envelope(null)));
            return CommandResult.recorded(new Recorded(staffId));
        });
    }

    @Operation(summary = "Record that a member of staff leaves", description = """
            The member may act until `lastDay`, that day included, and not after: their commands are refused and no case \
            can be assigned to them from the day after.""")
    @PostMapping("/{staffId}/ending")
    ResponseEntity<Recorded> endStaffMembership(@PathVariable StaffId staffId, @RequestBody EndingRequest body, CommandContext context) {
        return commands.execute(context, staffId, StaffEvent.class, body, sender -> {
            sender.send(new EndStaffMembership(staffId, body.lastDay(), context.envelope(null)));
            return CommandResult.recorded(new Recorded(staffId));
        });
    }
}
