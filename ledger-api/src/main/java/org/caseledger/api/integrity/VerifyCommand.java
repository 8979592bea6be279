package org.caseledger.api.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.caseledger.core.integrity.Ed25519;

/**
 * The offline verifier of exported case files: {@code java -jar ledger-api.jar verify FILE --public-key KEY.pem}.
 * It uses no database and no network, prints what it found and exits 0 when the file is intact, 1 when it is
 * only unsealed, 2 when it is broken and 64 on wrong usage.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static int run(String[] args) {
        if (args.length != 4 || !"verify".equals(args[0]) || !"--public-key".equals(args[2])) {
            System.err.println("usage: java -jar ledger-api.jar verify CASE-FILE.json --public-key PUBLIC-KEY.pem");
            return 64;
        }
        try {
            PublicKey key = Ed25519.publicKeyFromPem(Files.readString(Path.of(args[3]), StandardCharsets.US_ASCII));
            VerificationReport report = new CaseFileVerifier(key).verify(Files.readAllBytes(Path.of(args[1])));
            System.out.println(describe(report));
            return switch (report.status()) {
                case "INTACT" -> 0;
                case "UNSEALED" -> 1;
                default -> 2;
            };
        } catch (IOException e) {
            System.err.println("cannot read: " + e.getMessage());
            return 64;
        } catch (IllegalArgumentException e) {
            System.err.println("not a usable public key: " + e.getMessage());
            return 64;
        }
    }

    static String describe(VerificationReport report) {
        StringBuilder text = new StringBuilder(report.status() + ": case " + report.scope() + ", " + report.eventsChecked()
                + " events, " + report.checkpointsChecked() + " checkpoints checked");
        if (report.unsealedEvents() > 0) {
            text.append(", ").append(report.unsealedEvents()).append(" events not yet sealed by a checkpoint");
        }
        for (VerificationReport.Problem problem : report.problems()) {
            text.append("\n  ").append(problem.kind());
            if (problem.sequenceNumber() != null) {
                text.append(" at event ").append(problem.sequenceNumber());
            }
            if (problem.globalIndex() != null) {
                text.append(" (global position ").append(problem.globalIndex()).append(")");
            }
            if (problem.checkpoint() != null) {
                text.append(" [checkpoint ").append(problem.checkpoint()).append("]");
            }
            text.append(": ").append(problem.detail());
        }
        return text.toString();
    }
}
