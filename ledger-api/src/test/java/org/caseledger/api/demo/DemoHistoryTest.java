package org.caseledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.core.cases.MakeDecision;
import org.caseledger.core.cases.OpenCase;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.LedgerTime;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {

    private static List<LedgerCommand> history(long seed) {
        List<LedgerCommand> commands = new ArrayList<>();
        new DemoHistory(seed, LocalDate.of(2024, 1, 1), 730, 2.0).write(commands::addAll);
        return commands;
    }

    @Test
    void theSameSeedGivesTheSameHistoryIdsIncluded() {
        assertThat(history(42)).isEqualTo(history(42));
        assertThat(history(42)).isNotEqualTo(history(43));
    }

    @Test
    void decisionsCiteTheActInForceOnTheirDay() {
        List<MakeDecision> decisions = history(7).stream().filter(MakeDecision.class::isInstance).map(MakeDecision.class::cast).toList();

        assertThat(decisions).isNotEmpty().allSatisfy(decision -> {
            boolean newAct = !LedgerTime.dayOf(decision.envelope().occurredAt()).isBefore(DemoHistory.NEW_ACT);
            assertThat(decision.legalBasis().value()).startsWith(newAct ? "SFS2025:400" : "SFS2001:453");
        });
    }

    @Test
    void aBusyYearHasHundredsOfCasesAndTheirCommands() {
        List<LedgerCommand> commands = history(1);
        long cases = commands.stream().filter(OpenCase.class::isInstance).count();

        assertThat(cases).isBetween(1_300L, 1_650L);
        assertThat(commands.size() / (double) cases).isBetween(10.0, 20.0);
    }

    @Test
    void givenTheDemoHistoryThenEveryCaseIsRecordedInTheOrderOfItsCommandsAndSomeFactsAreWrittenUpLate() {
        List<List<LedgerCommand>> cases = new ArrayList<>();
        new DemoHistory(3, LocalDate.of(2024, 1, 1), 730, 2.0).write(cases::add);
        long commands = 0;
        long lateByADay = 0;

        for (List<LedgerCommand> ofOneCase : cases) {
            for (int i = 0; i < ofOneCase.size(); i++) {
                var envelope = ofOneCase.get(i).envelope();
                assertThat(envelope.occurredAt()).isBeforeOrEqualTo(envelope.recordedAt());
                if (i > 0) {
                    assertThat(envelope.recordedAt()).as("recorded after the case's command before it")
                            .isAfter(ofOneCase.get(i - 1).envelope().recordedAt());
                }
                commands++;
                if (java.time.Duration.between(envelope.occurredAt(), envelope.recordedAt()).toDays() >= 1) {
                    lateByADay++;
                }
            }
        }

        double lateShare = (double) lateByADay / commands;
        System.out.printf("[demo] %d cases and days of outreach, %d commands, %.1f %% written up a day or more after they happened%n", cases.size(),
                commands, 100 * lateShare);
        assertThat(lateShare).as("share of facts written up a day or more after they happened").isBetween(0.005, 0.10);
    }
}
