package org.caseledger.api.persons;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.AccessPolicy;
import org.caseledger.api.access.CaseAccess;
import org.caseledger.api.access.CaseAccessRepository;
import org.caseledger.api.access.PersonAccessGuard;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.ConsentGiven;
import org.caseledger.core.person.PersonEvent;
import org.caseledger.core.shared.PersonId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register extract (registerutdrag): what the ledger holds about one person, decrypted, as a file a machine
 * can read — their registration, the case files where they are the child, and every other case entry that names
 * them (a consent they gave). Produced for the data subject's right of access, and logged as a read of the person
 * and of each case file in it.
 * <p>
 * It holds only what the member of staff asking may read: a unit head gets the files of their own unit, and the
 * extract says which other units hold files left out, so that the unit that received the request asks them for
 * their parts (docs/privacy.md, "Register extract"). Auditors read every case file and get the whole extract.
 */
@RestController
class RegisterExtractController {

    /** One case file in the extract, with its entries as stored (personal data decrypted, or erased). */
    record CaseFile(UUID caseId, String caseNumber, String unit, List<EventHistory.Entry> entries) {
    }

    /** Case files the extract leaves out because the reader may not read them: how many, and which units hold them. */
    record Withheld(int caseFiles, List<String> units) {
    }

    /** The extract. */
    record Extract(UUID personId, Instant producedAt, String producedBy, List<EventHistory.Entry> registration,
                   List<CaseFile> caseFilesAsChild, List<CaseFile> otherEntriesNamingThePerson, Withheld withheld) {
    }

    private static final String WHAT = "register extract";

    private final EventHistory history;
    private final PersonAccessGuard guard;
    private final CaseAccessRepository cases;
    private final AccessLog log;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegisterExtractController(EventHistory history, PersonAccessGuard guard, CaseAccessRepository cases, AccessLog log, JdbcClient jdbc,
                              Clock clock) {
        this.history = history;
        this.guard = guard;
        this.cases = cases;
        this.log = log;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Operation(summary = "Produce a register extract", description = """
            Everything the ledger holds on a person (registerutdrag, GDPR art. 15): their registration, the case files \
            about them as a child, and the entries of other case files that name them, personal data decrypted. Case files the \
            caller may not read are left out and counted, with the units that hold them. Every case file in it is logged as read.""")
    @GetMapping("/api/v1/persons/{personId}/extract")
    ResponseEntity<Extract> extract(@PathVariable PersonId personId, HttpServletRequest request) {
        String purpose = request.getHeader(AccessLog.PURPOSE_HEADER);
        StaffUser staff = CurrentStaff.get();
        guard.read(staff, personId, WHAT, purpose);
        List<CaseAccess> asChild = cases.findAll(jdbc.sql("SELECT case_id FROM case_access WHERE child_id = ?")
                .param(personId.value()).query(UUID.class).list());
        List<CaseAccess> naming = cases.findAll(jdbc.sql("SELECT case_id FROM case_person WHERE person_id = ?")
                .param(personId.value()).query(UUID.class).list());
        List<CaseAccess> readableAsChild = readable(staff, asChild);
        List<CaseAccess> readableNaming = readable(staff, naming);
        log.record(Stream.concat(readableAsChild.stream(), readableNaming.stream())
                .map(file -> AccessLog.Read.ofCase(staff, file, WHAT, "person " + personId, purpose, AccessLog.Outcome.READ))
                .toList());
        List<CaseAccess> withheld = Stream.concat(asChild.stream(), naming.stream())
                .filter(file -> !AccessPolicy.mayList(staff, file)).distinct().toList();
        Extract extract = new Extract(personId.value(), clock.instant(), staff.staffId().value(),
                history.entries(personId, PersonEvent.class),
                readableAsChild.stream().map(file -> caseFile(file, null)).toList(),
                readableNaming.stream().map(file -> caseFile(file, personId.toString())).toList(),
                new Withheld(withheld.size(), withheld.stream().map(file -> file.unit().value()).distinct().sorted().toList()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-extract-" + personId + ".json\"")
                .body(extract);
    }

    private static List<CaseAccess> readable(StaffUser staff, List<CaseAccess> files) {
        return files.stream().filter(file -> AccessPolicy.mayList(staff, file))
                .sorted(Comparator.comparing(CaseAccess::caseNumber)).toList();
    }

    /** A case file, whole, or only the entries that name the person. */
    private CaseFile caseFile(CaseAccess file, String onlyNaming) {
        List<EventHistory.Entry> entries = history.entries(file.caseId(), CaseEvent.class).stream()
                .filter(entry -> onlyNaming == null || entry.data() instanceof ConsentGiven consent && consent.person().toString().equals(onlyNaming))
                .toList();
        return new CaseFile(file.caseId().value(), file.caseNumber(), file.unit().value(), entries);
    }
}
