package org.caseledger.api.integrity;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Optional;
import org.caseledger.api.security.CurrentStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of this node's integrity alarm, and the acknowledgement after looking into it. */
@RestController
class IntegrityAlarmController {

    private final IntegrityAlarm alarm;

    /** The alarm: raised or not, and when raised the first problem found and when. */
    record AlarmState(@Schema(requiredMode = REQUIRED) boolean raised,
                      @Schema(description = "The first problem found; absent when the alarm is not raised") VerificationReport.Problem problem,
                      @Schema(description = "When it was raised; absent when the alarm is not raised") Instant at) {

        static AlarmState of(Optional<IntegrityAlarm.Raised> raised) {
            return raised.map(alarm -> new AlarmState(true, alarm.problem(), alarm.at())).orElse(new AlarmState(false, null, null));
        }
    }

    IntegrityAlarmController(IntegrityAlarm alarm) {
        this.alarm = alarm;
    }

    @Operation(summary = "Read this node's integrity alarm", description = """
            Whether the sealer on this node refuses to sign because it found stored rows the ledger did not write, and \
            the first problem found.""")
    @GetMapping("/api/v1/admin/integrity-alarm")
    AlarmState current() {
        return AlarmState.of(alarm.current());
    }

    /** Clears the alarm on this node: the sealer checks again at its next run, and raises it again if the problem is still there. */
    @Operation(summary = "Acknowledge the integrity alarm", description = """
            Clears the alarm on this node after an operator looked into it: the sealer checks again at its next run, \
            and raises it again if the problem is still there. Answers the alarm as it was.""")
    @PostMapping("/api/v1/admin/integrity-alarm/acknowledgement")
    AlarmState acknowledge() {
        return AlarmState.of(alarm.acknowledge(CurrentStaff.get().staffId().value()));
    }
}
