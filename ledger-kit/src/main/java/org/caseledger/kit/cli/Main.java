package org.caseledger.kit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.kit.pdf.PdfSignature;
import org.caseledger.kit.pdf.PrintedCaseFile;
import org.caseledger.kit.pdf.PrintedTimeline;
import org.caseledger.kit.replay.OpenedCaseFile;
import org.caseledger.kit.replay.RecipientKeyFile;
import org.caseledger.kit.replay.Replay;
import org.caseledger.kit.replay.ReplayJson;
import org.caseledger.kit.replay.ReplayPage;
import org.caseledger.kit.replay.VerifiedCaseFile;
import org.caseledger.projections.moment.CaseAtMoment;
import org.caseledger.projections.personaldata.RecipientSeal;
import org.caseledger.verify.casefile.CaseFileFormat;
import org.caseledger.verify.casefile.CaseFileVerifier;
import org.caseledger.verify.primitives.Ed25519;
import org.caseledger.verify.trust.MalformedPolicyException;
import org.caseledger.verify.trust.TrustPolicy;

/**
 * The auditor's kit with replay. {@code keygen NAME --recipient} and {@code replay} are its own; every other command is
 * the independent verifier's ({@link org.caseledger.verify.cli.Main}), unchanged. Exit codes as the verifier's: 0 done,
 * 2 refused (a file that does not verify, a key it was not exported for), 64 usage.
 */
public final class Main {

    static final int OK = 0;
    static final int REFUSED = 2;
    static final int USAGE = 64;

    static final String USAGE_TEXT = """
            usage (besides the verifier's commands: keygen NAME [--witness], checkpoint, case-file, witness):
              java -jar ledger-kit.jar keygen NAME --recipient [--out DIR]
                  makes a recipient's key pair: writes the private key to DIR/NAME.key (default: here), readable by
                  you alone, and prints the public key to register in the ledger's configuration, with its id
              java -jar ledger-kit.jar replay FILE (--public-key PEM-FILE | --policy POLICY-FILE) [--key RECIPIENT-KEY]
                      [--as-of TIME | --event N | --every-event] [--lang sv|en] [--json] [--html OUT]
                  verifies the case file first and shows nothing of one that does not verify; then opens it with the
                  recipient's key (without one, no personal field is shown) and shows the case as it stood at TIME
                  (ISO instant, or a date or date and time in Swedish time) or after event N: the case, the timeline
                  in Swedish (or English) and compliance with each rule; --json prints the same as the ledger's API
                  answers it, --html also writes it as a page; --every-event with --json prints the case after each
                  of its events, one JSON document a line, in order (the file is verified and opened once)
              java -jar ledger-kit.jar pdf FILE.pdf --public-key PEM-FILE [--lang sv|en]
                  checks a printed case file: its PAdES signature by the ledger's key over every byte of the file, the
                  signed case file attached inside it (verified as case-file does), and that its printed timeline says
                  what the attached file's events say (--lang: the language it was printed in)
            exit codes: 0 ok, 2 refused (the file does not verify, or was not exported for this key), 64 usage
            """;

    private Main() {
    }

    /** Prints UTF-8 whatever the machine's locale says: the words are Swedish. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length > 0 && "replay".equals(args[0])) {
                return replay(List.of(args).subList(1, args.length), out);
            }
            if (args.length > 0 && "pdf".equals(args[0])) {
                return pdf(List.of(args).subList(1, args.length), out);
            }
            if (args.length > 0 && "keygen".equals(args[0]) && List.of(args).contains("--recipient")) {
                return keygen(List.of(args).subList(1, args.length), out);
            }
        } catch (Usage e) {
            err.println("ledger-kit: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        return org.caseledger.verify.cli.Main.run(args, out, err);
    }

    private static int keygen(List<String> args, PrintStream out) throws Usage {
        Map<String, String> options = options(args.subList(1, args.size()), Set.of("--out"), Set.of("--recipient"));
        String name = args.get(0);
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new Usage("a recipient's name here is letters, digits, dot, dash or underscore, at most 64");
        }
        Path directory = Path.of(options.getOrDefault("--out", "."));
        RecipientSeal.KeyPair pair = RecipientSeal.generate();
        RecipientKeyFile key = new RecipientKeyFile(pair.privateKey());
        Path file = directory.resolve(name + ".key");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, key.text(), StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the recipient keeps the file safe by other means
            }
        } catch (IOException e) {
            throw new Usage("the private key could not be written to " + file + " (it must not exist yet): " + e.getMessage());
        }
        out.println(key.publicKey());
        out.println("key id " + key.keyId() + "; private key in " + file + " (keep it; it never leaves you)");
        return OK;
    }

    private static int replay(List<String> args, PrintStream out) throws Usage {
        if (args.isEmpty()) {
            throw new Usage("replay takes a case file");
        }
        Map<String, String> options = options(args.subList(1, args.size()),
                Set.of("--public-key", "--policy", "--trusted-checkpoint", "--key", "--as-of", "--event", "--lang", "--html"),
                Set.of("--json", "--every-event"));
        boolean everyEvent = options.containsKey("--every-event");
        if (everyEvent && (!options.containsKey("--json") || options.containsKey("--as-of") || options.containsKey("--event"))) {
            throw new Usage("--every-event goes with --json, and without --as-of or --event");
        }
        CaseFileVerifier verifier = verifier(options);
        Locale language = language(options);
        CaseAtMoment moment = moment(options);
        RecipientKeyFile key = null;
        if (options.containsKey("--key")) {
            try {
                key = RecipientKeyFile.read(Path.of(options.get("--key")));
            } catch (IOException e) {
                throw new Usage(e.getMessage());
            }
        }
        byte[] trusted = options.containsKey("--trusted-checkpoint") ? read(Path.of(options.get("--trusted-checkpoint")), 1 << 20) : null;
        VerifiedCaseFile verified;
        try {
            verified = VerifiedCaseFile.verify(read(Path.of(args.get(0)), CaseFileFormat.MAX_FILE_BYTES), verifier, trusted);
        } catch (VerifiedCaseFile.Refused refused) {
            out.println(refused.report().describe());
            out.println("REFUSED: the file does not verify, so nothing in it is shown");
            return REFUSED;
        }
        OpenedCaseFile file;
        try {
            file = OpenedCaseFile.open(verified, key);
        } catch (OpenedCaseFile.NotForThisKey e) {
            out.println("REFUSED: " + e.getMessage());
            return REFUSED;
        }
        if (everyEvent) {
            for (long event = 0; event < file.events().size(); event++) {
                out.println(ReplayJson.line(Replay.at(file, new CaseAtMoment(null, event), language)));
            }
            return OK;
        }
        Replay.Answer answer = Replay.at(file, moment, language);
        if (options.containsKey("--json")) {
            out.println(ReplayJson.of(answer));
        } else {
            String verification = verified.report().describe().lines().findFirst().orElse("");
            List<ReplayPage.Section> page = ReplayPage.of(file, moment, answer, verification, language);
            out.print(ReplayPage.text(page));
            if (options.containsKey("--html")) {
                try {
                    Files.writeString(Path.of(options.get("--html")), ReplayPage.html(page, language), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new Usage("the page could not be written: " + e.getMessage());
                }
            }
        }
        return OK;
    }

    private static int pdf(List<String> args, PrintStream out) throws Usage {
        if (args.isEmpty()) {
            throw new Usage("pdf takes a printed case file");
        }
        Map<String, String> options = options(args.subList(1, args.size()), Set.of("--public-key", "--lang"), Set.of());
        if (!options.containsKey("--public-key")) {
            throw new Usage("pdf takes --public-key: the ledger's key, which signed the PDF");
        }
        Locale language = language(options);
        byte[] pdf = read(Path.of(args.get(0)), CaseFileFormat.MAX_FILE_BYTES * 2);
        byte[] rawKey = Ed25519.publicKeyFromPem(new String(read(Path.of(options.get("--public-key")), 4096), StandardCharsets.UTF_8))
                .orElseThrow(() -> new Usage(options.get("--public-key") + " is not an Ed25519 PUBLIC KEY in PEM"));
        boolean holds = true;
        PdfSignature.Result signature = PdfSignature.check(pdf, ed25519(rawKey));
        out.println(signature.holds() ? "signature: holds: the ledger's key signed every byte of the file"
                : "signature: BROKEN: " + (signature.subFilter() == null ? "the PDF carries no signature the ledger made"
                : !signature.coversWholeFile() ? "the file was changed after it was signed (the signature covers only part of it)"
                : !signature.signedByKey() ? "signed by another key than the ledger's" : "the signature does not hold: the file was changed"));
        holds &= signature.holds();
        PrintedCaseFile printed;
        try {
            printed = PrintedCaseFile.read(pdf);
        } catch (IOException e) {
            out.println("REFUSED: the file is not a PDF the kit can read: " + e.getMessage());
            return REFUSED;
        }
        if (printed.attachment().isEmpty()) {
            out.println("attached case file: none");
            out.println("REFUSED: the printed case file is not the ledger's as it signed it");
            return REFUSED;
        }
        VerifiedCaseFile verified;
        try {
            verified = VerifiedCaseFile.verify(printed.attachment().get(), CaseFileVerifier.withPublicKey(rawKey), null);
        } catch (VerifiedCaseFile.Refused refused) {
            out.println("attached case file: " + refused.report().describe());
            out.println("REFUSED: the printed case file is not the ledger's as it signed it");
            return REFUSED;
        }
        out.println("attached case file: " + verified.report().describe().lines().findFirst().orElse(""));
        OpenedCaseFile file;
        try {
            file = OpenedCaseFile.open(verified, null);
        } catch (OpenedCaseFile.NotForThisKey e) {
            throw new IllegalStateException("a file opened without a key is never refused a key", e);
        }
        Optional<String> difference = PrintedTimeline.firstDifference(printed.text(),
                Replay.at(file, CaseAtMoment.NOW, language).timeline(), Replay.words(language));
        out.println(difference.map(what -> "printed timeline: DIFFERS: " + what)
                .orElse("printed timeline: every entry says what the signed events say"));
        holds &= difference.isEmpty();
        out.println(holds ? "OK: the printed case file is the ledger's as it signed it"
                : "REFUSED: the printed case file is not the ledger's as it signed it");
        return holds ? OK : REFUSED;
    }

    /** The ledger's raw Ed25519 key as the JDK's key, for the CMS of the PDF's signature. */
    private static PublicKey ed25519(byte[] raw) {
        try {
            byte[] der = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK reads no Ed25519 key", e);
        }
    }

    private static Locale language(Map<String, String> options) throws Usage {
        return switch (options.getOrDefault("--lang", "sv")) {
            case "sv" -> Locale.forLanguageTag("sv");
            case "en" -> Locale.ENGLISH;
            default -> throw new Usage("--lang is sv or en");
        };
    }

    private static CaseFileVerifier verifier(Map<String, String> options) throws Usage {
        if (options.containsKey("--public-key") == options.containsKey("--policy")) {
            throw new Usage("replay takes exactly one of --public-key and --policy: it verifies the file first");
        }
        if (options.containsKey("--public-key")) {
            String pem = new String(read(Path.of(options.get("--public-key")), 4096), StandardCharsets.UTF_8);
            return CaseFileVerifier.withPublicKey(Ed25519.publicKeyFromPem(pem)
                    .orElseThrow(() -> new Usage(options.get("--public-key") + " is not an Ed25519 PUBLIC KEY in PEM")));
        }
        try {
            return CaseFileVerifier.withPolicy(TrustPolicy.parse(read(Path.of(options.get("--policy")), TrustPolicy.MAX_BYTES + 1)));
        } catch (MalformedPolicyException e) {
            throw new Usage("the policy is malformed: " + e.getMessage());
        }
    }

    private static CaseAtMoment moment(Map<String, String> options) throws Usage {
        if (options.containsKey("--as-of") && options.containsKey("--event")) {
            throw new Usage("replay takes --as-of or --event, not both");
        }
        if (options.containsKey("--event")) {
            try {
                long event = Long.parseLong(options.get("--event"));
                if (event < 0) {
                    throw new NumberFormatException();
                }
                return new CaseAtMoment(null, event);
            } catch (NumberFormatException e) {
                throw new Usage("--event takes an event's sequence number, 0 or more");
            }
        }
        return options.containsKey("--as-of") ? new CaseAtMoment(instant(options.get("--as-of")), null) : CaseAtMoment.NOW;
    }

    /** An ISO instant, or a Swedish date and time (a date alone: the end of that day), as the pages read times. */
    static Instant instant(String text) throws Usage {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(LedgerTime.ZONE).toInstant();
            } catch (DateTimeParseException notALocalTime) {
                try {
                    return LocalDate.parse(text).plusDays(1).atStartOfDay(LedgerTime.ZONE).toInstant().minusNanos(1);
                } catch (DateTimeParseException notADay) {
                    throw new Usage("--as-of takes an instant (2026-03-10T12:00:00Z) or a Swedish date and time (2026-03-10 13:00)");
                }
            }
        }
    }

    private static Map<String, String> options(List<String> args, Set<String> valued, Set<String> flags) throws Usage {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (flags.contains(option)) {
                options.put(option, "");
            } else if (valued.contains(option) && i + 1 < args.size()) {
                if (options.put(option, args.get(++i)) != null) {
                    throw new Usage(option + " is given twice");
                }
            } else {
                throw new Usage(valued.contains(option) ? option + " takes a value" : "this command does not take " + option);
            }
        }
        return options;
    }

    private static byte[] read(Path file, int maxBytes) throws Usage {
        try {
            if (Files.size(file) > maxBytes) {
                throw new Usage(file + " is larger than " + maxBytes + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Usage(file + " cannot be read: " + e.getMessage());
        }
    }

    /** The arguments, or a file they name, are not what the command takes. */
    private static final class Usage extends Exception {
        Usage(String message) {
            super(message);
        }
    }
}
