package org.caseledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.util.StringUtils;

/**
 * The two pools the ledger uses: migrations connect as the schema owner; the application connects as its own
 * restricted role (see {@code V5__application_role.sql}), switched to on every connection, so that even a
 * defect in the application cannot change or remove a ledger row.
 */
final class DataSources {

    private DataSources() {
    }

    static HikariDataSource application(String url, String user, String password, String role, String poolName) {
        HikariDataSource pool = pool(url, user, password, poolName);
        if (StringUtils.hasText(role)) {
            if (!role.matches("^[a-z_][a-z0-9_]{0,62}$")) {
                throw new IllegalArgumentException("ledger.database.application-role must be a plain role name, not " + role);
            }
            pool.setConnectionInitSql("SET ROLE " + role);
        }
        return pool;
    }

    static HikariDataSource migrations(String url, String user, String password, String poolName) {
        HikariDataSource pool = pool(url, user, password, poolName);
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        return pool;
    }

    private static HikariDataSource pool(String url, String user, String password, String poolName) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName(poolName);
        return pool;
    }
}
