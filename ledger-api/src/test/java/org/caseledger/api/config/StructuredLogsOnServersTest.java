package org.caseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** JSON logs on a database server unless told otherwise; plain text with the embedded default. */
class StructuredLogsOnServersTest {

    private final StructuredLogsOnServers structuredLogs = new StructuredLogsOnServers();

    @Test
    void givenADatabaseServerWhenNothingSaysHowToLogThenTheLogIsJson() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/ledger");

        structuredLogs.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(StructuredLogsOnServers.FORMAT)).isEqualTo("ecs");
    }

    @Test
    void givenTheEmbeddedDefaultThenTheLogIsPlainText() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "");

        structuredLogs.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(StructuredLogsOnServers.FORMAT)).isNull();
    }

    @Test
    void givenADatabaseServerAndAFormatSetEvenEmptyThenTheSettingStands() {
        MockEnvironment plain = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/ledger")
                .withProperty(StructuredLogsOnServers.FORMAT, "");
        MockEnvironment logstash = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/ledger")
                .withProperty(StructuredLogsOnServers.FORMAT, "logstash");

        structuredLogs.postProcessEnvironment(plain, new SpringApplication());
        structuredLogs.postProcessEnvironment(logstash, new SpringApplication());

        assertThat(plain.getProperty(StructuredLogsOnServers.FORMAT)).isEmpty();
        assertThat(logstash.getProperty(StructuredLogsOnServers.FORMAT)).isEqualTo("logstash");
    }
}
