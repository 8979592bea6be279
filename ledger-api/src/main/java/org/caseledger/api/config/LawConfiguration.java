package org.caseledger.api.config;

import java.util.List;
import org.caseledger.core.law.DelegationRule;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalFramework;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The law is configuration: the catalogue of legal bases and the delegation order, each line with validity dates. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LawConfiguration.LawProperties.class)
public class LawConfiguration {

    @ConfigurationProperties("ledger.law")
    public record LawProperties(List<LegalBasis> legalBases, List<DelegationRule> delegationRules) {

        public LawProperties {
            legalBases = legalBases == null ? List.of() : legalBases;
            delegationRules = delegationRules == null ? List.of() : delegationRules;
        }
    }

    @Bean
    LegalFramework legalFramework(LawProperties law) {
        return new LegalFramework(law.legalBases(), law.delegationRules());
    }
}
