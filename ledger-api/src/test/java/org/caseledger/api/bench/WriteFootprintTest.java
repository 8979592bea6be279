package org.caseledger.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.caseledger.api.bench.WriteFootprint.TableRows;
import org.junit.jupiter.api.Test;

class WriteFootprintTest {

    private static final TableRows EVENTS = new TableRows("public.domain_event_entry", 1_000, 1_020_000);
    private static final TableRows KEYS = new TableRows("public.data_key", 2_000, 300_000);
    private static final TableRows NOW_AND_THEN = new TableRows("public.household_activity", 300, 15_000);

    private final WriteFootprint footprint = new WriteFootprint("open a case", 1_000, 1_000, List.of(EVENTS, KEYS, NOW_AND_THEN), 42);

    @Test
    void givenTwoRowsOfATablePerCommandWhenAReferenceMatchesItThenItWritesTwoRowsThereForEachCommand() {
        assertThat(footprint.rowsPerCommand(KEYS)).isEqualTo(2);
        assertThat(footprint.rowsPerCommand(EVENTS)).isEqualTo(1);
    }

    @Test
    void givenATableWrittenByFewerThanHalfTheCommandsWhenAReferenceMatchesThemThenItWritesNoRowThere() {
        assertThat(footprint.rowsPerCommand(NOW_AND_THEN)).isZero();
        assertThat(footprint.written()).containsExactly(EVENTS, KEYS);
    }

    @Test
    void givenTheRowsWrittenWhenTheStatementsAreCountedThenThereIsOneForEachWholeRowOfACommand() {
        assertThat(footprint.statementsPerCommand()).isEqualTo(3);
    }

    @Test
    void givenTheBytesOfATablesRowsWhenTheirSizeIsAskedThenItIsTheAverageRow() {
        assertThat(KEYS.bytesPerRow()).isEqualTo(150);
        assertThat(new TableRows("public.empty", 0, 0).bytesPerRow()).isZero();
    }

    @Test
    void givenAFootprintWhenDescribedThenItSaysWhatWasMeasuredAndWhatAReferenceWrites() {
        assertThat(footprint.describe())
                .contains("1,000 commands committed in 1,000 transactions")
                .contains("public.data_key 2.00 rows of 150 B")
                .contains("public.household_activity 0.30 rows of 50 B")
                .contains("writes 1 × public.domain_event_entry + 2 × public.data_key, 3 statements");
    }

    @Test
    void givenNoCommandWhenAFootprintIsMadeThenItIsRefused() {
        assertThatThrownBy(() -> new WriteFootprint("open a case", 0, 0, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
