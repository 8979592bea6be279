package org.caseledger.api;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.caseledger.api.commands.LedgerCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = {"org.caseledger.api", "org.caseledger.projections"})
@ConfigurationPropertiesScan
public class LedgerApplication {

    /** Starts the ledger, or, given a command first ({@code migrate}, {@code init-keys} …), runs that and exits. */
    public static void main(String[] args) {
        if (LedgerCommands.isCommand(args)) {
            System.exit(LedgerCommands.run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    System.out, System.err));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
