package org.caseledger.api.access;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.caseledger.core.staff.StaffMemberRegistered;
import org.caseledger.core.staff.StaffMembershipChanged;
import org.caseledger.core.staff.StaffMembershipEnded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code staff_member} and {@code staff_membership} from the staff registry's events, in the access index's
 * processor: it runs in the transaction that records the change, so a member registered or moved counts for the next
 * command, and it is rebuilt with the rest of the index ({@link AccessIndexReplay}).
 */
@Component
@ProcessingGroup(AccessIndex.PROCESSING_GROUP)
class StaffIndex {

    private final JdbcClient jdbc;

    StaffIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffMemberRegistered event) {
        jdbc.sql("INSERT INTO staff_member (staff_id, name, registered_at) VALUES (?, ?, ?) ON CONFLICT (staff_id) DO NOTHING")
                .params(event.staffId().value(), event.name(), Timestamp.from(event.envelope().recordedAt())).update();
        jdbc.sql("INSERT INTO staff_membership (staff_id, unit, role, valid_from) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(event.staffId().value(), event.unit().value(), event.role().name(), Date.valueOf(event.activeFrom())).update();
    }

    /** The period in force ends the day before; a change on the first day of the period in force replaces it. */
    @EventHandler
    void on(StaffMembershipChanged event) {
        String staff = event.staffId().value();
        jdbc.sql("DELETE FROM staff_membership WHERE staff_id = ? AND valid_to IS NULL AND valid_from = ?")
                .params(staff, Date.valueOf(event.from())).update();
        endCurrent(staff, event.from().minusDays(1));
        jdbc.sql("INSERT INTO staff_membership (staff_id, unit, role, valid_from) VALUES (?, ?, ?, ?)")
                .params(staff, event.unit().value(), event.role().name(), Date.valueOf(event.from())).update();
    }

    @EventHandler
    void on(StaffMembershipEnded event) {
        endCurrent(event.staffId().value(), event.lastDay());
    }

    private void endCurrent(String staff, LocalDate lastDay) {
        jdbc.sql("UPDATE staff_membership SET valid_to = ? WHERE staff_id = ? AND valid_to IS NULL")
                .params(Date.valueOf(lastDay), staff).update();
    }
}
