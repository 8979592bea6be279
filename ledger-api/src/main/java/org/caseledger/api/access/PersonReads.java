package org.caseledger.api.access;

import java.util.Optional;
import java.util.UUID;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of a person's own record (registration, register extract): decided and logged like reads of a case. A
 * person with a protected identity is for the unit head, auditors and the case worker assigned to one of their
 * case files; the administrator reads no one's record.
 */
@Component
public class PersonReads {

    private final JdbcClient jdbc;
    private final AccessLog log;

    PersonReads(JdbcClient jdbc, AccessLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /** Logs the read, or the refusal and then refuses. */
    public void read(StaffUser staff, PersonId person, String what, String purpose) {
        Optional<String> refusal = refusal(staff, person);
        log.record(new AccessLog.Read(staff, null, person.value(), what, null, purpose,
                refusal.isPresent() ? AccessLog.Outcome.REFUSED : AccessLog.Outcome.READ));
        refusal.ifPresent(reason -> {
            throw new AccessRefusedException(reason);
        });
    }

    private Optional<String> refusal(StaffUser staff, PersonId person) {
        if (staff.role() == Role.ADMINISTRATOR) {
            return Optional.of("the administrator reads no one's record");
        }
        if (staff.role() == Role.AUDITOR || staff.role() == Role.UNIT_HEAD || !isProtected(person.value())
                || isAssignedToAFileOf(staff, person.value())) {
            return Optional.empty();
        }
        return Optional.of("the person has a protected identity: only the assigned case worker, the unit head and auditors have access");
    }

    private boolean isProtected(UUID person) {
        return jdbc.sql("SELECT coalesce(bool_or(protected_identity), false) FROM person_access WHERE person_id = ?")
                .param(person).query(Boolean.class).single();
    }

    private boolean isAssignedToAFileOf(StaffUser staff, UUID person) {
        return jdbc.sql("SELECT count(*) > 0 FROM case_access WHERE child_id = ? AND assignee = ?")
                .params(person, staff.staffId().value()).query(Boolean.class).single();
    }
}
