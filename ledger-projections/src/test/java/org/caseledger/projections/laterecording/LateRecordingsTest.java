package org.caseledger.projections.laterecording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseledger.projections.CaseStory.VIVALLA;
import static org.caseledger.projections.CaseStory.at;
import static org.caseledger.projections.CaseStory.childHeard;
import static org.caseledger.projections.CaseStory.closeInvestigation;
import static org.caseledger.projections.CaseStory.extendInvestigation;
import static org.caseledger.projections.CaseStory.on;
import static org.caseledger.projections.CaseStory.openInvestigation;
import static org.caseledger.projections.CaseStory.opened;
import static org.caseledger.projections.CaseStory.recorded;
import static org.caseledger.projections.CaseStory.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.projections.compliance.ComplianceRule;
import org.junit.jupiter.api.Test;

/** Decisions, extensions and hearings recorded long after they happened, and the misses they turned (docs/metrics.md, "Late recording"). */
class LateRecordingsTest {

    private static final DecisionId OPENING = DecisionId.of("2a7c8d9e-1111-4a57-9c1f-2b7e5d9a6c30");
    private static final DecisionId CLOSING = DecisionId.of("2a7c8d9e-2222-4a57-9c1f-2b7e5d9a6c30");
    private static final DecisionId EXTENSION = DecisionId.of("2a7c8d9e-3333-4a57-9c1f-2b7e5d9a6c30");

    @Test
    void givenAnInvestigationClosedWithoutHearingTheChildWhenAHearingOfSeptemberIsRecordedInOctoberThenItTurnedTheMissIntoAPass() {
        List<CaseEvent> history = recorded(
                opened(VIVALLA, "2025-09-01"),
                openInvestigation(OPENING, on("2025-09-02")),
                closeInvestigation(CLOSING, on("2025-10-01")),
                childHeard(when("2025-09-15", "2025-10-20")));

        Map<Long, LateRecording> late = LateRecordings.of(history);

        assertThat(late).containsOnlyKeys(3L);
        LateRecording hearing = late.get(3L);
        assertThat(hearing.type()).isEqualTo("ChildHeard");
        assertThat(hearing.daysAfter()).isEqualTo(35);
        assertThat(hearing.missesTurned()).as("the child-heard check was missed when the investigation closed").containsExactly(
                ComplianceRule.CHILD_HEARD);
        assertThat(hearing.unit()).isEqualTo(VIVALLA);
        assertThat(hearing.caseNumber()).isEqualTo("2025-00107");
    }

    @Test
    void givenAnInvestigationPastItsDeadlineWhenAnExtensionDecidedInTimeIsRecordedAfterTheDeadlineThenItTurnedTheMissIntoAPass() {
        List<CaseEvent> history = recorded(
                opened(VIVALLA, "2025-01-02"),
                openInvestigation(OPENING, on("2025-01-02")),
                extendInvestigation(EXTENSION, "2025-07-02", when("2025-04-25", "2025-05-20")));

        LateRecording extension = LateRecordings.of(history).get(2L);

        assertThat(extension.decisionKind()).isEqualTo("EXTEND_INVESTIGATION");
        assertThat(extension.missesTurned()).as("overdue since 2025-05-03, within the extended deadline once recorded, and the "
                + "child's hearing, due by the investigation's deadline while it is open, with it")
                .containsExactly(ComplianceRule.INVESTIGATION_IN_4_MONTHS, ComplianceRule.CHILD_HEARD);
    }

    @Test
    void givenADecisionRecordedLateThatChangesNoCheckWhenItIsJudgedThenItIsLateAndTurnedNothing() {
        List<CaseEvent> history = recorded(
                opened(VIVALLA, "2025-09-01"),
                openInvestigation(OPENING, when("2025-09-02", "2025-09-12")));

        assertThat(LateRecordings.of(history).get(1L).missesTurned()).isEmpty();
    }

    @Test
    void givenFactsRecordedAWeekAfterAndAWeekAndAMinuteAfterWhenTheyAreJudgedThenOnlyTheLaterIsLongAfter() {
        Instant happened = at("2025-09-02", 9);
        assertThat(LateRecordings.LONG_AFTER).isEqualTo(Duration.ofDays(7));
        assertThat(LateRecordings.watchedAndLate(openInvestigation(OPENING, envelope(happened, happened.plus(Duration.ofDays(7))))))
                .as("a week is not long after").isFalse();
        assertThat(LateRecordings.watchedAndLate(openInvestigation(OPENING,
                envelope(happened, happened.plus(Duration.ofDays(7)).plusSeconds(60))))).isTrue();
        assertThat(LateRecordings.watchedAndLate(opened(VIVALLA, "2025-09-01"))).as("only decisions and hearings are watched").isFalse();
    }

    private static Envelope envelope(Instant happened, Instant recorded) {
        return new Envelope(StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, UnitId.of(VIVALLA), happened, recorded,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
    }
}
