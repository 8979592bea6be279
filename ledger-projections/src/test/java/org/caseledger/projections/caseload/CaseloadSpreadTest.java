package org.caseledger.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseloadSpreadTest {

    @Test
    void theSpreadOfOpenCasesPerWorkerHasMinMaxMeanMedianAndDeviation() {
        Caseload caseload = Caseload.of("vivalla", 2, List.of(new Caseload.Worker("anna.lind", 12),
                new Caseload.Worker("omar.hassan", 8), new Caseload.Worker("sara.ek", 4), new Caseload.Worker("karin.berg", 4)));

        assertThat(caseload.openCases()).isEqualTo(30);
        assertThat(caseload.unassigned()).isEqualTo(2);
        assertThat(caseload.spread()).isEqualTo(new Caseload.Spread(4, 12, 7.0, 6.0, 3.32));
    }

    @Test
    void aUnitWithoutAssignedCasesHasNoSpread() {
        assertThat(Caseload.of("vivalla", 3, List.of()).spread()).isEqualTo(new Caseload.Spread(0, 0, 0, 0, 0));
    }
}
