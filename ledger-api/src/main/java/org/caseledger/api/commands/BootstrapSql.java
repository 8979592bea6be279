package org.caseledger.api.commands;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.database.DatabaseProperties;
import org.caseledger.api.database.LedgerMigrations;
import org.caseledger.api.database.RoleName;
import org.caseledger.api.setup.Setup;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@code bootstrap-sql}: prints the SQL a superuser runs once on a cluster, before the first {@code migrate}
 * ({@code db/bootstrap.sql}), with the names of the ledger's configuration filled in — the database of
 * {@code LEDGER_DB_URL}, the owner {@code LEDGER_DB_OWNER_USER}, the role {@code ledger.database.application-role} and the
 * login {@code LEDGER_DB_USER} — so that every name is written once, in the configuration. The passwords stay psql
 * variables.
 */
final class BootstrapSql implements LedgerCommands.Command {

    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://[^/]*/([a-z_][a-z0-9_]{0,62})(\\?.*)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    @Override
    public String summary() {
        return "print the SQL a superuser runs once to create the roles and the database";
    }

    @Override
    public boolean printsData() {
        return true;
    }

    @Override
    public int run(LedgerCommands.Invocation invocation) throws IOException {
        Environment environment = invocation.environment();
        if (Setup.of(environment) == Setup.EMBEDDED) {
            invocation.err().println("bootstrap-sql is for a database server: set LEDGER_DB_URL, LEDGER_DB_USER and LEDGER_DB_OWNER_USER");
            return 1;
        }
        DatabaseProperties database = Binder.get(environment).bindOrCreate("ledger.database", DatabaseProperties.class);
        Matcher url = DATABASE.matcher(environment.getRequiredProperty("spring.datasource.url"));
        if (!url.matches() || database.ownerUser() == null || environment.getProperty("spring.datasource.username", "").isBlank()) {
            invocation.err().println("bootstrap-sql needs LEDGER_DB_URL naming a database (jdbc:postgresql://host:5432/name, the name "
                    + "in a-z, 0-9 and _), LEDGER_DB_USER and LEDGER_DB_OWNER_USER");
            return 1;
        }
        RoleName keyOwner = LedgerMigrations.keyOwnerOf(database.applicationRole());
        if (new HashSet<>(List.of(database.ownerUser(), database.applicationRole().value(), keyOwner.value(),
                environment.getProperty("spring.datasource.username"))).size() < 4) {
            invocation.err().println("the owner (LEDGER_DB_OWNER_USER), the application role (ledger.database.application-role), the key "
                    + "tables' owner (" + keyOwner + ") and the login (LEDGER_DB_USER) must be four different roles: the serving process "
                    + "must never hold the owner's rights");
            return 1;
        }
        Map<String, String> names = Map.of(
                "database", url.group(1),
                "owner", new RoleName(database.ownerUser()).value(),
                "application_role", database.applicationRole().value(),
                "key_owner_role", keyOwner.value(),
                "login", new RoleName(environment.getProperty("spring.datasource.username")).value());
        invocation.out().print(PLACEHOLDER.matcher(template()).replaceAll(name -> Matcher.quoteReplacement(names.get(name.group(1)))));
        return 0;
    }

    private static String template() throws IOException {
        try (InputStream sql = BootstrapSql.class.getResourceAsStream("/db/bootstrap.sql")) {
            return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
