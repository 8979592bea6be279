package org.caseledger.api;

import org.caseledger.api.integrity.VerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = {"org.caseledger.api", "org.caseledger.projections"})
@ConfigurationPropertiesScan
public class LedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            System.exit(VerifyCommand.run(args));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
