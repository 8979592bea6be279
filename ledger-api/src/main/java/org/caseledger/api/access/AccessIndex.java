package org.caseledger.api.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.caseledger.core.cases.CaseAssigned;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.person.PersonErased;
import org.caseledger.core.person.PersonRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_access} and {@code person_access} from the events. Its processor subscribes (see
 * application.yml), so it runs in the transaction that appends the events: the moment a case is transferred,
 * the old unit loses it and the new one has it.
 */
@Component
@ProcessingGroup(AccessIndex.PROCESSING_GROUP)
class AccessIndex {

    static final String PROCESSING_GROUP = "access";

    private final JdbcClient jdbc;

    AccessIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseOpened event) {
        jdbc.sql("""
                INSERT INTO case_access (case_id, case_number, unit, assignee, child_id, household_id)
                VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (case_id) DO NOTHING
                """)
                .params(event.caseId().value(), event.caseNumber().value(), event.unit().value(), event.child().value(),
                        event.household().value())
                .update();
    }

    @EventHandler
    void on(CaseAssigned event) {
        jdbc.sql("UPDATE case_access SET assignee = ? WHERE case_id = ?").params(event.assignee().value(), event.caseId().value()).update();
    }

    @EventHandler
    void on(CaseTransferred event) {
        jdbc.sql("UPDATE case_access SET unit = ? WHERE case_id = ?").params(event.toUnit().value(), event.caseId().value()).update();
    }

    @EventHandler
    void on(PersonRegistered event) {
        jdbc.sql("""
                INSERT INTO person_access (person_id, household_id, protected_identity, birth_day, registered_unit, registered_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (person_id) DO NOTHING
                """)
                .params(event.personId().value(), event.household() == null ? null : event.household().value(), event.protectedIdentity(),
                        event.identityNumber() == null ? null : event.identityNumber().birthDate().getDayOfMonth(),
                        event.envelope().unit().value(), event.envelope().actor().value())
                .update();
    }

    @EventHandler
    void on(PersonErased event) {
        jdbc.sql("UPDATE person_access SET erased = true WHERE person_id = ?").param(event.personId().value()).update();
    }
}
