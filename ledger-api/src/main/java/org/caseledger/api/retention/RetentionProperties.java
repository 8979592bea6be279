package org.caseledger.api.retention;

import java.util.List;
import org.caseledger.core.cases.InterventionType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param years              how long after the last entry of a case file it is erased
 * @param researchSampleDays persons born on these days of a month belong to the national research sample and are kept
 * @param keptInterventions  a case file holding an intervention of one of these kinds is kept
 */
@ConfigurationProperties("ledger.retention")
public record RetentionProperties(int years, List<Integer> researchSampleDays, List<InterventionType> keptInterventions) {

    public RetentionProperties {
        years = years <= 0 ? 5 : years;
        researchSampleDays = researchSampleDays == null ? List.of(5, 15, 25) : List.copyOf(researchSampleDays);
        keptInterventions = keptInterventions == null ? List.of(InterventionType.PLACEMENT) : List.copyOf(keptInterventions);
    }
}
