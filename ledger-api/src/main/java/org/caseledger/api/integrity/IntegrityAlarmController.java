package org.caseledger.api.integrity;

import java.util.Map;
import org.caseledger.api.security.CurrentStaff;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of this node's integrity alarm, and the acknowledgement after looking into it. */
@RestController
class IntegrityAlarmController {

    private final IntegrityAlarm alarm;

    IntegrityAlarmController(IntegrityAlarm alarm) {
        this.alarm = alarm;
    }

    @GetMapping("/api/v1/admin/integrity-alarm")
    ResponseEntity<Object> current() {
        return alarm.current().<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.ok(Map.of("raised", false)));
    }

    /** Clears the alarm on this node: the sealer checks again at its next run, and raises it again if the problem is still there. */
    @PostMapping("/api/v1/admin/integrity-alarm/acknowledgement")
    ResponseEntity<Object> acknowledge() {
        return alarm.acknowledge(CurrentStaff.get().staffId().value()).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.ok(Map.of("raised", false)));
    }
}
