package org.caseledger.api.config;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to run when the application's connections are not the restricted role, for example because
 * {@code spring.datasource.hikari.connection-init-sql} was set and replaced the switch to it: the ledger must
 * never quietly work with rights to change or remove its own history.
 */
@Component
class ApplicationRoleCheck implements ApplicationRunner {

    private final DataSource dataSource;
    private final String role;

    ApplicationRoleCheck(DataSource dataSource, @Value("${ledger.database.application-role:ledger_app}") String role) {
        this.dataSource = dataSource;
        this.role = role;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(role)) {
            return;
        }
        String current = JdbcClient.create(dataSource).sql("SELECT current_user").query(String.class).single();
        if (!role.equals(current)) {
            throw new IllegalStateException("the application's connections act as " + current + ", not as the restricted role "
                    + role + "; check spring.datasource.hikari.connection-init-sql and the login role's membership");
        }
    }
}
