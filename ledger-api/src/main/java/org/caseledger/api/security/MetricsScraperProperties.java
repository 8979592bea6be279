package org.caseledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one login that may read {@code /actuator/prometheus} (docs/operations.md, "Metrics"): a monitoring server's, not a
 * member of staff's. Without a password no one may read it.
 *
 * @param username the scraper's user name ({@code prometheus})
 * @param password its password, stored encoded, e.g. {@code {bcrypt}$2a$10$...}
 */
@ConfigurationProperties("ledger.security.metrics-scraper")
public record MetricsScraperProperties(String username, String password) {

    public MetricsScraperProperties {
        username = username == null || username.isBlank() ? "prometheus" : username;
        password = password == null || password.isBlank() ? null : password;
    }
}
