package org.caseledger.projections.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.projections.CaseHistories;
import org.junit.jupiter.api.Test;

class CaseViewFoldTest {

    private final List<CaseEvent> history = CaseHistories.familyTreatmentCase();

    @Test
    void foldingAWholeHistoryGivesTheCaseAsItEnded() {
        CaseView view = CaseViewFold.fold(history);

        assertThat(view.status).isEqualTo("CLOSED");
        assertThat(view.caseNumber).isEqualTo("2026-00042");
        assertThat(view.version).isEqualTo(11);
        assertThat(view.investigation.status).isEqualTo("OPEN");
        assertThat(view.investigation.deadline).hasToString("2026-07-04");
        assertThat(view.visits).singleElement().satisfies(visit -> assertThat(visit.status).isEqualTo("MISSED"));
        assertThat(view.interventions).singleElement().satisfies(intervention -> {
            assertThat(intervention.status).isEqualTo("STARTED");
            assertThat(intervention.granted).isTrue();
        });
        assertThat(view.notes).hasSize(2);
        assertThat(view.notes.get(0).correctedBy).containsExactly(CaseHistories.CORRECTION.toString());
        assertThat(view.notes.get(1).corrects).isEqualTo(CaseHistories.NOTE.toString());
        assertThat(view.closure.reason).isEqualTo("Support completed.");
    }

    @Test
    void anEventAtOrBelowTheViewsVersionIsIgnoredSoReplayingIsHarmless() {
        CaseView view = CaseViewFold.fold(history.subList(0, 5));
        String before = view.visits.get(0).status;

        CaseViewFold.apply(view, history.get(3), 3);

        assertThat(view.version).isEqualTo(4);
        assertThat(view.visits).hasSize(1);
        assertThat(view.visits.get(0).status).isEqualTo(before);
    }

    @Test
    void whatWasRecordedByAnInstantIsThePrefixOfTheStreamRecordedByThen() {
        Instant afterTheMissedVisitWasRecorded = history.get(4).envelope().recordedAt();

        List<CaseEvent> known = CaseViewFold.recordedBy(history, afterTheMissedVisitWasRecorded);

        assertThat(known).hasSize(5);
        assertThat(CaseViewFold.recordedBy(history, afterTheMissedVisitWasRecorded.minusMillis(1))).hasSize(4);
        assertThat(CaseViewFold.recordedBy(history, Instant.parse("2020-01-01T00:00:00Z"))).isEmpty();
        CaseView then = CaseViewFold.fold(known);
        assertThat(then.status).isEqualTo("OPEN");
        assertThat(then.visits.get(0).status).isEqualTo("MISSED");
        assertThat(then.interventions).isEmpty();
    }

    @Test
    void steppingToAnEventGivesTheCaseRightAfterIt() {
        assertThat(CaseViewFold.fold(CaseViewFold.upToSequence(history, 7)).interventions.get(0).status).isEqualTo("GRANTED");
        assertThat(CaseViewFold.fold(CaseViewFold.upToSequence(history, 8)).interventions.get(0).status).isEqualTo("OFFERED");
        assertThat(CaseViewFold.upToSequence(history, 99)).hasSize(history.size());
    }
}
