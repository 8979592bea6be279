package org.caseledger.api.commands;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code java -jar ledger-api.jar <command> [--property=value …]}: the steps an operator takes apart from running the
 * ledger. Each reads the ledger's configuration as the serving process would (application.yml, the environment, the
 * {@code --name=value} arguments), so that the names it uses are the ones the ledger will use. Exits 0 when done, 1 when
 * refused, 2 on a usage error.
 */
public final class LedgerCommands {

    /** What a command gets: the configuration, standard input (a password) and where its output and errors go. */
    record Invocation(ConfigurableEnvironment environment, BufferedReader in, PrintStream out, PrintStream err) {
    }

    interface Command {

        String summary();

        /** Whether its standard output is data for another program (SQL, a hash), which no log line may interleave. */
        boolean printsData();

        int run(Invocation invocation) throws Exception;
    }

    private static final Map<String, Command> COMMANDS = commands();

    private LedgerCommands() {
    }

    private static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("bootstrap-sql", new BootstrapSql());
        commands.put("migrate", new Migrate());
        commands.put("init-keys", new InitKeys());
        commands.put("hash-password", new HashPassword());
        return commands;
    }

    /**
     * Whether the arguments name a command rather than start the ledger. Any first argument that is not an option does,
     * so that a misspelt command is refused rather than starting the serving process.
     */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    public static Set<String> names() {
        return COMMANDS.keySet();
    }

    public static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("unknown command: " + args[0]);
            usage(err);
            return 2;
        }
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        for (String option : options) {
            if (!option.startsWith("--")) {
                err.println(args[0] + " takes only --name=value options, not " + option);
                return 2;
            }
        }
        try (ConfigurableApplicationContext context = configuration(options, command.printsData())) {
            return command.run(new Invocation(context.getEnvironment(), in, out, err));
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream err) {
        err.println("usage: java -jar ledger-api.jar [command] [--property=value ...]");
        err.println("without a command the ledger starts; the commands are:");
        COMMANDS.forEach((name, command) -> err.printf("  %-14s %s%n", name, command.summary()));
    }

    /** The ledger's configuration, read as Spring Boot reads it, in a context that starts nothing else. */
    private static ConfigurableApplicationContext configuration(String[] options, boolean quiet) {
        SpringApplication application = new SpringApplication(Nothing.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        // The serving process's initializers, its preflight refusals among them, are not a command's: init-keys, for one,
        // runs exactly when the keys are missing.
        application.setInitializers(List.of());
        if (quiet) {
            application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
        }
        return application.run(options);
    }

    /** The context's only source: a command needs the configuration, no bean (and not one scanned from the application). */
    static class Nothing {
    }
}
