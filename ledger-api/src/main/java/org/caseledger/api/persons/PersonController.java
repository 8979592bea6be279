package org.caseledger.api.persons;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.PersonAccess;
import org.caseledger.api.access.PersonAccessGuard;
import org.caseledger.api.contract.Descriptions;
import org.caseledger.api.contract.ExactlyOne;
import org.caseledger.api.privacy.Erasure;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.streams.CommandResult;
import org.caseledger.api.streams.CommandTransaction;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.web.CommandContext;
import org.caseledger.core.person.ApproveErasure;
import org.caseledger.core.person.CorrectIdentityNumber;
import org.caseledger.core.person.CorrectName;
import org.caseledger.core.person.ErasePerson;
import org.caseledger.core.person.ErasureReason;
import org.caseledger.core.person.LiftIdentityProtection;
import org.caseledger.core.person.PersonEvent;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.person.ProtectIdentity;
import org.caseledger.core.person.RegisterPerson;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.UnitId;
import org.caseledger.core.shared.ValueProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registers persons (children and household members) and erases them, with the other units' approval where they hold them too. */
@RestController
@RequestMapping("/api/v1/persons")
class PersonController {

    /** A person is registered by identity number (or coordination number), or by a reserve number lacking one. */
    @ExactlyOne({"identityNumber", "reserveNumber"})
    record RegisterPersonRequest(@Schema(description = "The personal identity number or coordination number, YYYYMMDD-NNNN with a valid check digit")
                                 PersonalIdentityNumber identityNumber,
                                 @Schema(description = "A reserve number, for a person who has no identity number",
                                         maxLength = RegisterPerson.RESERVE_NUMBER_LIMIT, pattern = Require.TEXT_PATTERN) String reserveNumber,
                                 @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = RegisterPerson.NAME_LIMIT,
                                         pattern = Require.TEXT_PATTERN) String name,
                                 @Schema(description = "Whether the person has a protected identity (skyddad identitet); false when left out")
                                 Boolean protectedIdentity,
                                 @Schema(description = "The household the person belongs to") HouseholdId household,
                                 @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        RegisterPersonRequest {
            Require.present(name, "name");
            protectedIdentity = protectedIdentity != null && protectedIdentity;
        }
    }

    record ApprovalRequest(@Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
    }

    /** When a protection of the person's identity began or ended; the body may be left out (it began or ended now). */
    record ProtectionRequest(@Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
    }

    record NameCorrectionRequest(@Schema(requiredMode = REQUIRED, description = "The name as it should read",
                                         minLength = 1, maxLength = RegisterPerson.NAME_LIMIT, pattern = Require.TEXT_PATTERN) String name,
                                 @Schema(requiredMode = REQUIRED, description = "Why the name is corrected; personal data, stored encrypted",
                                         minLength = 1, maxLength = CorrectName.REASON_LIMIT, pattern = Require.TEXT_PATTERN) String reason,
                                 @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        NameCorrectionRequest {
            Require.present(name, "name");
            Require.present(reason, "reason");
        }
    }

    record IdentityNumberCorrectionRequest(@Schema(requiredMode = REQUIRED, description = "The personal identity number or "
                                                   + "coordination number as it should read, YYYYMMDD-NNNN with a valid check digit")
                                           PersonalIdentityNumber identityNumber,
                                           @Schema(requiredMode = REQUIRED, description = "Why the number is corrected or given; "
                                                   + "personal data, stored encrypted", minLength = 1, maxLength = CorrectName.REASON_LIMIT,
                                                   pattern = Require.TEXT_PATTERN) String reason,
                                           @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        IdentityNumberCorrectionRequest {
            Require.present(identityNumber, "identityNumber");
            Require.present(reason, "reason");
        }
    }

    /** A fact recorded about the person. */
    record PersonFactRecorded(@Schema(requiredMode = REQUIRED) PersonId personId) {
    }

    /**
     * An erasure: why, as a code, and optionally a note, stored encrypted under the year's key (docs/privacy.md,
     * "Erasure reasons").
     */
    record ErasureRequest(@Schema(requiredMode = REQUIRED, description = "Why the person is erased",
                                  allowableValues = {"RETENTION", "DATA_SUBJECT_REQUEST", "COURT_ORDER", "SUPERVISORY_AUTHORITY_ORDER",
                                          "REGISTERED_IN_ERROR"}) ErasureReason reason,
                          @Schema(description = "A note on the erasure, stored encrypted under the year's key", minLength = 1,
                                  maxLength = ErasePerson.NOTE_LIMIT, pattern = Require.TEXT_PATTERN) String note,
                          @Schema(description = Descriptions.OCCURRED_AT) Instant occurredAt) {
        ErasureRequest {
            Require.present(reason, "reason");
        }
    }

    /** A search by identity number or by name, in a body so that neither ever stands in a URL. */
    @ExactlyOne({"identityNumber", "name"})
    record PersonSearchRequest(@Schema(description = "The personal identity number or coordination number, YYYYMMDD-NNNN with a valid check digit")
                               PersonalIdentityNumber identityNumber,
                               @Schema(description = "Words of the name, in any order and either case; a person is found whose name has every one",
                                       minLength = 1, maxLength = RegisterPerson.NAME_LIMIT, pattern = Require.TEXT_PATTERN) String name) {
        PersonSearchRequest {
            if (name != null) {
                Require.text(name, "name", RegisterPerson.NAME_LIMIT);
            }
        }

        /** A search looks for one thing, as a command refuses two ways of saying what it is about. */
        void requireExactlyOne() {
            if ((identityNumber == null) == (name == null)) {
                throw new InvalidValueException("identityNumber", ValueProblem.EXACTLY_ONE,
                        "a search has exactly one of identityNumber and name", "name");
            }
        }
    }

    /** A person found, with where to read them. */
    record FoundPerson(@Schema(requiredMode = REQUIRED, format = "uuid") String personId,
                       @Schema(requiredMode = REQUIRED, description = "The address of the person's stored events") String history) {
    }

    /** A person was registered. */
    record Registered(@Schema(requiredMode = REQUIRED) PersonId personId) {
    }

    /** What an erasure did: how many data keys it destroyed, or that the person had been erased before. */
    record Erased(@Schema(requiredMode = REQUIRED) PersonId personId,
                  @Schema(requiredMode = REQUIRED, description = "The data keys this request destroyed; 0 when the person was erased before")
                  int dataKeysDestroyed,
                  @Schema(requiredMode = REQUIRED, description = "Whether the person had been erased before: then nothing was written")
                  boolean alreadyErased) {
    }

    /** An approval of another unit's erasure of the person. */
    record Approved(@Schema(requiredMode = REQUIRED) PersonId personId,
                    @Schema(requiredMode = REQUIRED, description = "The unit that approved: the caller's") UnitId approvedFor) {
    }

    private final CommandTransaction commands;
    private final EventHistory history;
    private final Erasure erasure;
    private final PersonAccessGuard guard;
    private final PersonSearch search;

    PersonController(CommandTransaction commands, EventHistory history, Erasure erasure, PersonAccessGuard guard, PersonSearch search) {
        this.commands = commands;
        this.history = history;
        this.erasure = erasure;
        this.guard = guard;
        this.search = search;
    }

    /**
     * The persons registered with an identity number, or with every word of a name, whom the caller may read. Every
     * person found is logged: as read, or as refused to this caller, who is then not told of them. An erased person is
     * found no more.
     */
    @Operation(summary = "Find persons by identity number or name", description = """
            The registered persons with this personal identity number (or coordination number), or whose name has every \
            word of `name` (whole words, in any order and either case), whom the caller may read. Both are sent in the \
            body so that they never stand in a URL or a log. Every person found is logged as read, or as refused; a \
            person the caller may not read is not mentioned. An erased person is found no more.""")
    @PostMapping("/search")
    List<FoundPerson> search(@RequestBody PersonSearchRequest body, HttpServletRequest request) {
        body.requireExactlyOne();
        StaffUser staff = CurrentStaff.get();
        String operation = "POST /api/v1/persons/search";
        String purpose = request.getHeader(AccessLog.PURPOSE_HEADER);
        List<PersonId> found = body.identityNumber() != null ? search.byIdentityNumber(staff, body.identityNumber(), operation, purpose)
                : search.byName(staff, body.name(), operation, purpose);
        return found.stream().map(person -> new FoundPerson(person.toString(), "/api/v1/persons/" + person + "/history")).toList();
    }

    /** The person's registration and erasure, as stored. */
    @Operation(summary = "Read a person's stored events", description = """
            The person's registration, erasure approvals and erasure, as stored, each with its envelope. Personal data \
            of an erased person reads as erased. Every read is logged.""")
    @GetMapping("/{personId}/history")
    List<EventHistory.Entry> history(@PathVariable PersonId personId, HttpServletRequest request) {
        guard.read(CurrentStaff.get(), personId, "GET /api/v1/persons/{personId}/history", request.getHeader(AccessLog.PURPOSE_HEADER));
        return history.entries(personId, PersonEvent.class);
    }

    @Operation(summary = "Register a person", description = """
            Registers a child or a member of a household: by personal identity number (or coordination number), or by a \
            reserve number for a person who has none, and a name. Identity number, reserve number and name are personal \
            data, stored encrypted under the person's own key and readable until the person is erased.""")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Registered> register(@RequestBody RegisterPersonRequest body, CommandContext context) {
        guard.joinHousehold(CurrentStaff.get(), body.household(), "POST /api/v1/persons");
        PersonId personId = PersonId.random();
        RegisterPerson command = new RegisterPerson(personId, body.identityNumber(), body.reserveNumber(), body.name(),
                body.protectedIdentity(), body.household(), context.envelope(body.occurredAt()));
        return commands.create(context, personId, body, sender -> {
            sender.send(command);
            return CommandResult.created("/api/v1/persons/" + personId + "/history", new Registered(personId));
        });
    }

    /**
     * Erases the person. Safe to retry: a person already erased stays as they were erased, nothing is written, and the
     * answer says so ({@code alreadyErased}, no key destroyed by this request).
     */
    @Operation(summary = "Erase a person", description = """
            Erases the person's personal data by destroying the keys it is encrypted under, in every case file that \
            names the person; the events stay, and verify, with the personal data unreadable. Says why, as a code. Where \
            other units hold case files naming the person, their unit heads approve first \
            (`POST .../erasure-approvals`). Safe to retry: a person erased before stays so, nothing is written, and the \
            answer says `alreadyErased` (without `ETag`).""")
    @PostMapping("/{personId}/erasure")
    ResponseEntity<Erased> erase(@PathVariable PersonId personId, @RequestBody ErasureRequest body, CommandContext context) {
        StaffUser staff = CurrentStaff.get();
        PersonAccess person = guard.erase(staff, personId, "POST /api/v1/persons/{personId}/erasure");
        if (person.erased()) {
            return ResponseEntity.ok(new Erased(personId, 0, true));
        }
        Set<UnitId> otherUnits = person.units().stream().filter(unit -> !unit.equals(staff.unit())).collect(Collectors.toSet());
        return commands.execute(context, personId, PersonEvent.class, body, sender -> {
            int destroyed = erasure.eraseWithin(personId, body.reason(), body.note(), otherUnits, context.envelope(body.occurredAt()), sender).size();
            return CommandResult.recorded(new Erased(personId, destroyed, false));
        });
    }

    /**
     * The unit head of a unit holding some of the person's case files agrees that another unit holding them erases the
     * person (docs/privacy.md, "Erasure across units").
     */
    @Operation(summary = "Approve another unit's erasure of a person", description = """
            The unit head of a unit holding case files that name the person agrees that another unit holding them erases \
            the person (docs/privacy.md, "Erasure across units"). The body may be left out.""")
    @PostMapping("/{personId}/erasure-approvals")
    ResponseEntity<Approved> approveErasure(@PathVariable PersonId personId, @RequestBody(required = false) ApprovalRequest body,
                                            CommandContext context) {
        ApprovalRequest approval = body == null ? new ApprovalRequest(null) : body;
        guard.erase(CurrentStaff.get(), personId, "POST /api/v1/persons/{personId}/erasure-approvals");
        return commands.execute(context, personId, PersonEvent.class, approval, sender -> {
            sender.send(new ApproveErasure(personId, context.envelope(approval.occurredAt())));
            return CommandResult.recorded(new Approved(personId, context.envelope(approval.occurredAt()).unit()));
        });
    }

    @Operation(summary = "Protect a person's identity", description = """
            Records that the person's identity is protected (skyddade personuppgifter) from `occurredAt`: from the moment \
            it is recorded, every case file naming the person as child or household member is for the assigned case \
            worker, the unit head and auditors only, in lists, drill-downs and exports alike. By a member of staff who \
            may read the person, of a unit holding them. The body may be left out.""")
    @PostMapping("/{personId}/identity-protection")
    ResponseEntity<PersonFactRecorded> protect(@PathVariable PersonId personId, @RequestBody(required = false) ProtectionRequest body,
                                               CommandContext context) {
        ProtectionRequest protection = body == null ? new ProtectionRequest(null) : body;
        guard.record(CurrentStaff.get(), personId, "POST /api/v1/persons/{personId}/identity-protection");
        return commands.execute(context, personId, PersonEvent.class, protection, sender -> {
            sender.send(new ProtectIdentity(personId, context.envelope(protection.occurredAt())));
            return CommandResult.recorded(new PersonFactRecorded(personId));
        });
    }

    @Operation(summary = "Lift the protection of a person's identity", description = """
            Records that the person's identity is no longer protected, from `occurredAt`: from the moment it is recorded, \
            the person's case files are their unit's again. Widens who reads them, so the unit head decides it. The body \
            may be left out.""")
    @PostMapping("/{personId}/identity-protection/lifting")
    ResponseEntity<PersonFactRecorded> liftProtection(@PathVariable PersonId personId,
                                                      @RequestBody(required = false) ProtectionRequest body, CommandContext context) {
        ProtectionRequest lifting = body == null ? new ProtectionRequest(null) : body;
        guard.record(CurrentStaff.get(), personId, "POST /api/v1/persons/{personId}/identity-protection/lifting");
        return commands.execute(context, personId, PersonEvent.class, lifting, sender -> {
            sender.send(new LiftIdentityProtection(personId, context.envelope(lifting.occurredAt())));
            return CommandResult.recorded(new PersonFactRecorded(personId));
        });
    }

    @Operation(summary = "Correct a person's name", description = """
            Corrects the person's name, saying why. The registration keeps the name it had, readable in the person's \
            history as a corrected journal note is; case files and searches use the name as corrected.""")
    @PostMapping("/{personId}/name-corrections")
    ResponseEntity<PersonFactRecorded> correctName(@PathVariable PersonId personId, @RequestBody NameCorrectionRequest body,
                                                   CommandContext context) {
        guard.record(CurrentStaff.get(), personId, "POST /api/v1/persons/{personId}/name-corrections");
        return commands.execute(context, personId, PersonEvent.class, body, sender -> {
            sender.send(new CorrectName(personId, body.name(), body.reason(), context.envelope(body.occurredAt())));
            return CommandResult.recorded(new PersonFactRecorded(personId));
        });
    }

    @Operation(summary = "Correct a person's identity number", description = """
            Corrects the person's personal identity number or coordination number, or gives one to a person registered \
            by a reserve number, saying why. A number registered to another person is refused with the rule \
            `PERSON_ALREADY_REGISTERED` and that person. The registration keeps what it had, readable in the person's \
            history; case files, searches and retention use the number as corrected.""")
    @PostMapping("/{personId}/identity-number-corrections")
    ResponseEntity<PersonFactRecorded> correctIdentityNumber(@PathVariable PersonId personId,
                                                             @RequestBody IdentityNumberCorrectionRequest body, CommandContext context) {
        guard.record(CurrentStaff.get(), personId, "POST /api/v1/persons/{personId}/identity-number-corrections");
        return commands.execute(context, personId, PersonEvent.class, body, sender -> {
            sender.send(new CorrectIdentityNumber(personId, body.identityNumber(), body.reason(), context.envelope(body.occurredAt())));
            return CommandResult.recorded(new PersonFactRecorded(personId));
        });
    }
}
