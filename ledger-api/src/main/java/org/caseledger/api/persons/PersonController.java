package org.caseledger.api.persons;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.AccessRefusedException;
import org.caseledger.api.access.PersonAccess;
import org.caseledger.api.access.PersonAccessGuard;
import org.caseledger.api.privacy.Erasure;
import org.caseledger.api.privacy.IdentityLookup;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.CommandContext;
import org.caseledger.api.web.CommandResult;
import org.caseledger.api.web.CommandTransaction;
import org.caseledger.api.web.EventHistory;
import org.caseledger.core.person.ApproveErasure;
import org.caseledger.core.person.ErasureReason;
import org.caseledger.core.person.PersonEvent;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.person.RegisterPerson;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.UnitId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registers persons (children and household members) and erases them, with the other units' approval where they hold them too. */
@RestController
@RequestMapping("/api/v1/persons")
class PersonController {

    /** A person is registered by identity number (or coordination number), or by a reserve number lacking one. */
    record RegisterPersonRequest(PersonalIdentityNumber identityNumber, String reserveNumber, String name,
                                 Boolean protectedIdentity, HouseholdId household, Instant occurredAt) {
        RegisterPersonRequest {
            Require.present(name, "name");
            protectedIdentity = protectedIdentity != null && protectedIdentity;
        }
    }

    record ApprovalRequest(Instant occurredAt) {
    }

    /**
     * An erasure: why, as a code, and optionally a note, stored encrypted under the year's key (docs/privacy.md,
     * "Erasure reasons").
     */
    record ErasureRequest(ErasureReason reason, String note, Instant occurredAt) {
        ErasureRequest {
            Require.present(reason, "reason");
        }
    }

    /** A search by identity number, in a body so that the number never stands in a URL. */
    record PersonSearchRequest(PersonalIdentityNumber identityNumber) {
        PersonSearchRequest {
            Require.present(identityNumber, "identityNumber");
        }
    }

    /** A person found, with where to read them. */
    record FoundPerson(String personId, String history) {
    }

    private final CommandTransaction commands;
    private final EventHistory history;
    private final Erasure erasure;
    private final PersonAccessGuard guard;
    private final IdentityLookup lookup;

    PersonController(CommandTransaction commands, EventHistory history, Erasure erasure, PersonAccessGuard guard, IdentityLookup lookup) {
        this.commands = commands;
        this.history = history;
        this.erasure = erasure;
        this.guard = guard;
        this.lookup = lookup;
    }

    /**
     * The persons registered with an identity number whom the caller may read. Every person found is logged: as read, or
     * as refused to this caller, who is then not told of them. An erased person is found no more.
     */
    @PostMapping("/search")
    List<FoundPerson> search(@RequestBody PersonSearchRequest body, HttpServletRequest request) {
        StaffUser staff = CurrentStaff.get();
        List<FoundPerson> found = new ArrayList<>();
        for (UUID person : lookup.find(body.identityNumber())) {
            try {
                guard.read(staff, PersonId.of(person.toString()), "POST /api/v1/persons/search", request.getHeader(AccessLog.PURPOSE_HEADER));
                found.add(new FoundPerson(person.toString(), "/api/v1/persons/" + person + "/history"));
            } catch (AccessRefusedException refused) {
                // logged as refused by the guard; the caller is not told that the person exists
            }
        }
        return found;
    }

    /** The person's registration and erasure, as stored. */
    @GetMapping("/{personId}/history")
    List<EventHistory.Entry> history(@PathVariable PersonId personId, HttpServletRequest request) {
        guard.read(CurrentStaff.get(), personId, "GET /api/v1/persons/{personId}/history", request.getHeader(AccessLog.PURPOSE_HEADER));
        return history.entries(personId, PersonEvent.class);
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@RequestBody RegisterPersonRequest body, CommandContext context) {
        guard.joinHousehold(CurrentStaff.get(), body.household(), "POST /api/v1/persons");
        PersonId personId = PersonId.random();
        RegisterPerson command = new RegisterPerson(personId, body.identityNumber(), body.reserveNumber(), body.name(),
                body.protectedIdentity(), body.household(), context.envelope(body.occurredAt()));
        return commands.create(context, personId, body, sender -> {
            sender.send(command);
            return CommandResult.created("/api/v1/persons/" + personId + "/history", Map.of("personId", personId.toString()));
        });
    }

    /**
     * Erases the person. Safe to retry: a person already erased stays as they were erased, nothing is written, and the
     * answer says so ({@code alreadyErased}, no key destroyed by this request).
     */
    @PostMapping("/{personId}/erasure")
    ResponseEntity<Map<String, Object>> erase(@PathVariable PersonId personId, @RequestBody ErasureRequest body, CommandContext context) {
        StaffUser staff = CurrentStaff.get();
        PersonAccess person = guard.erase(staff, personId, "POST /api/v1/persons/{personId}/erasure");
        if (person.erased()) {
            return ResponseEntity.ok(Map.of("personId", personId.toString(), "dataKeysDestroyed", 0, "alreadyErased", true));
        }
        Set<UnitId> otherUnits = person.units().stream().filter(unit -> !unit.equals(staff.unit())).collect(Collectors.toSet());
        return commands.execute(context, personId, PersonEvent.class, body, sender -> {
            int destroyed = erasure.eraseWithin(personId, body.reason(), body.note(), otherUnits, context.envelope(body.occurredAt()), sender).size();
            return new CommandResult(200, "/api/v1/persons/" + personId + "/history", null,
                    Map.of("personId", personId.toString(), "dataKeysDestroyed", destroyed, "alreadyErased", false));
        });
    }

    /**
     * The unit head of a unit holding some of the person's case files agrees that another unit holding them erases the
     * person (docs/privacy.md, "Erasure across units").
     */
    @PostMapping("/{personId}/erasure-approvals")
    ResponseEntity<Map<String, Object>> approveErasure(@PathVariable PersonId personId, @RequestBody(required = false) ApprovalRequest body,
                                                       CommandContext context) {
        ApprovalRequest approval = body == null ? new ApprovalRequest(null) : body;
        guard.erase(CurrentStaff.get(), personId, "POST /api/v1/persons/{personId}/erasure-approvals");
        return commands.execute(context, personId, PersonEvent.class, approval, sender -> {
            sender.send(new ApproveErasure(personId, context.envelope(approval.occurredAt())));
            return new CommandResult(200, "/api/v1/persons/" + personId + "/history", null,
                    Map.of("personId", personId.toString(), "approvedFor", context.envelope(approval.occurredAt()).unit().value()));
        });
    }
}
