package org.caseledger.api.config;

import javax.sql.DataSource;
import org.caseledger.api.database.DatabaseProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to run when the pool's connections are not the restricted role, for example because
 * {@code spring.datasource.hikari.connection-init-sql} was set and replaced the switch to it: the ledger must never
 * quietly work with rights to change or remove its own history. The login and the role themselves were checked before
 * the pool existed ({@link DataSources#checkBeforeUse}).
 */
@Component
class ApplicationRoleCheck implements ApplicationRunner {

    private final DataSource dataSource;
    private final DatabaseProperties database;

    ApplicationRoleCheck(DataSource dataSource, DatabaseProperties database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments args) {
        String current = JdbcClient.create(dataSource).sql("SELECT current_user").query(String.class).single();
        if (!database.applicationRole().value().equals(current)) {
            throw new IllegalStateException("the application's connections act as " + current + ", not as the restricted role "
                    + database.applicationRole() + "; check spring.datasource.hikari.connection-init-sql and the login role's membership");
        }
    }
}
