package org.caseledger.verify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.caseledger.verify.casefile.CaseFileFormat;
import org.caseledger.verify.casefile.CaseFileReport;
import org.caseledger.verify.casefile.CaseFileVerifier;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.primitives.Decimal;
import org.caseledger.verify.primitives.Ed25519;
import org.caseledger.verify.primitives.StrictUtf8;
import org.caseledger.verify.trust.CheckpointVerdict;
import org.caseledger.verify.trust.CheckpointVerifier;
import org.caseledger.verify.trust.MalformedPolicyException;
import org.caseledger.verify.trust.TrustPolicy;
import org.caseledger.verify.witness.Cosigner;
import org.caseledger.verify.witness.Witness;
import org.caseledger.verify.witness.WitnessHttpServer;
import org.caseledger.verify.witness.WitnessState;

/**
 * The auditor's kit on the command line. Exit codes: 0 done (the checkpoint is accepted, the case file intact), 1 a case
 * file intact but with events not yet sealed, 2 refused or broken (the
 * checkpoint is not to be relied on, or the witness could not start), 64 usage (the arguments, or a key or policy
 * file they name, are not what the command takes).
 */
public final class Main {

    public static final int OK = 0;
    public static final int REFUSED = 2;
    public static final int USAGE = 64;

    static final String USAGE_TEXT = """
            usage:
              java -jar ledger-verify.jar keygen NAME [--witness]
                  prints a new private key (line 1) and its public vkey (line 2); a log signs with a note key,
                  a witness (--witness) cosigns with a cosigner key
              java -jar ledger-verify.jar checkpoint NOTE-FILE --policy POLICY-FILE
                  verifies a cosigned checkpoint against a trust policy (c2sp.org/tlog-policy) and prints the
                  fingerprint of every key it relied on
              java -jar ledger-verify.jar case-file FILE (--public-key PEM-FILE | --policy POLICY-FILE) [--trusted-checkpoint NOTE-FILE]
                  verifies a case file exported by the ledger (format 2) with no database and no network: its signature,
                  every event, the chain, the inclusion proofs, the checkpoint; prints INTACT, UNSEALED or BROKEN and
                  the fingerprint of every key it relied on; exits 0 intact, 1 unsealed only, 2 broken
              java -jar ledger-verify.jar witness --state STATE --key KEY-FILE --log LOG-VKEY [--log LOG-VKEY ...] --listen HOST:PORT
                  runs a witness (c2sp.org/tlog-witness): POST /add-checkpoint; port 0 picks a free port
            exit codes: 0 ok, 1 unsealed only (case-file), 2 refused or broken, 64 usage
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; for {@code witness}, returns only if the witness cannot start. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command");
            }
            List<String> rest = List.of(args).subList(1, args.length);
            return switch (args[0]) {
                case "keygen" -> keygen(rest, out);
                case "checkpoint" -> checkpoint(rest, out);
                case "case-file" -> caseFile(rest, out);
                case "witness" -> witness(rest, out, err);
                default -> throw new UsageException("unknown command: " + args[0]);
            };
        } catch (UsageException e) {
            err.println("ledger-verify: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
    }

    private static int keygen(List<String> args, PrintStream out) throws UsageException {
        boolean witness = args.size() == 2 && "--witness".equals(args.get(1));
        if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && !witness)) {
            throw new UsageException("keygen takes a key name and, for a witness, --witness");
        }
        SignerKey key;
        try {
            key = SignerKey.generate(args.get(0), witness ? SignatureType.COSIGNATURE_V1 : SignatureType.ED25519);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        out.println(key.format());
        out.println(key.verifierKey().format());
        return OK;
    }

    private static int checkpoint(List<String> args, PrintStream out) throws UsageException {
        if (args.size() != 3 || !"--policy".equals(args.get(1))) {
            throw new UsageException("checkpoint takes NOTE-FILE --policy POLICY-FILE");
        }
        byte[] note = read(Path.of(args.get(0)), 1 << 20);
        TrustPolicy policy;
        try {
            policy = TrustPolicy.parse(read(Path.of(args.get(2)), TrustPolicy.MAX_BYTES + 1));
        } catch (MalformedPolicyException e) {
            throw new UsageException("the policy " + args.get(2) + " is malformed: " + e.getMessage());
        }
        CheckpointVerdict verdict = new CheckpointVerifier(policy).verify(note);
        if (verdict instanceof CheckpointVerdict.Accepted accepted) {
            out.println("accepted: " + accepted.checkpoint().origin() + " at size " + accepted.checkpoint().size()
                    + ", root " + accepted.checkpoint().rootHash().base64());
            out.println("log      " + describe(accepted.logKey()));
            accepted.cosignatures().forEach(cosignature -> out.println("witness  " + cosignature.witness() + " "
                    + describe(cosignature.key()) + " cosigned " + cosignature.cosignedAt()));
            out.println("quorum   " + accepted.quorum() + " met");
            return OK;
        }
        out.println("refused: " + ((CheckpointVerdict.Refused) verdict).reason());
        return REFUSED;
    }

    private static int caseFile(List<String> args, PrintStream out) throws UsageException {
        if (args.isEmpty() || args.size() % 2 != 1) {
            throw new UsageException("case-file takes FILE (--public-key PEM-FILE | --policy POLICY-FILE) [--trusted-checkpoint NOTE-FILE]");
        }
        Path publicKey = null;
        Path policyFile = null;
        Path trusted = null;
        for (int i = 1; i < args.size(); i += 2) {
            Path value = Path.of(args.get(i + 1));
            switch (args.get(i)) {
                case "--public-key" -> publicKey = once(publicKey, value, "--public-key");
                case "--policy" -> policyFile = once(policyFile, value, "--policy");
                case "--trusted-checkpoint" -> trusted = once(trusted, value, "--trusted-checkpoint");
                default -> throw new UsageException("case-file does not take " + args.get(i));
            }
        }
        if ((publicKey == null) == (policyFile == null)) {
            throw new UsageException("case-file takes exactly one of --public-key and --policy");
        }
        CaseFileVerifier verifier;
        if (publicKey != null) {
            Path keyFile = publicKey;
            byte[] key = StrictUtf8.decode(read(keyFile, 4096)).flatMap(Ed25519::publicKeyFromPem)
                    .orElseThrow(() -> new UsageException(keyFile + " is not an Ed25519 PUBLIC KEY in PEM"));
            verifier = CaseFileVerifier.withPublicKey(key);
        } else {
            try {
                verifier = CaseFileVerifier.withPolicy(TrustPolicy.parse(read(policyFile, TrustPolicy.MAX_BYTES + 1)));
            } catch (MalformedPolicyException e) {
                throw new UsageException("the policy " + policyFile + " is malformed: " + e.getMessage());
            }
        }
        byte[] trustedNote = trusted == null ? null : read(trusted, Note.MAX_BYTES);
        CaseFileReport report = verifier.verify(read(Path.of(args.get(0)), CaseFileFormat.MAX_FILE_BYTES), trustedNote);
        out.println(report.describe());
        return report.exitCode();
    }

    private static Path once(Path current, Path value, String option) throws UsageException {
        if (current != null) {
            throw new UsageException(option + " is given twice");
        }
        return value;
    }

    private static String describe(VerifierKey key) {
        return key.name() + "+" + key.keyIdHex() + " sha256:" + key.fingerprint();
    }

    private static int witness(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Path state = null;
        Path keyFile = null;
        String listen = null;
        List<VerifierKey> logs = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new UsageException(args.get(i) + " takes a value");
            }
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--state" -> state = Path.of(value);
                case "--key" -> keyFile = Path.of(value);
                case "--listen" -> listen = value;
                case "--log" -> logs.add(VerifierKey.parse(value).filter(key -> key.type() == SignatureType.ED25519)
                        .orElseThrow(() -> new UsageException("--log takes a log's vkey (an Ed25519 note key, type 0x01): " + value)));
                default -> throw new UsageException("witness does not take " + args.get(i));
            }
        }
        if (state == null || keyFile == null || listen == null || logs.isEmpty()) {
            throw new UsageException("witness takes --state, --key, --listen and at least one --log");
        }
        InetSocketAddress address = address(listen);
        System.setProperty("java.util.logging.SimpleFormatter.format",
                System.getProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT%1$tz %4$s %5$s%6$s%n"));
        Cosigner cosigner = new Cosigner(signerKey(keyFile, err), Clock.systemUTC());
        // The JDK's server reads these once, when it is first used: bound how long a request may take to arrive and
        // to be answered, so that slow clients cannot hold its threads.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "30"));
        WitnessState witnessState;
        try {
            witnessState = WitnessState.open(state);
        } catch (IOException e) {
            err.println("ledger-verify: " + e.getMessage());
            return REFUSED;
        }
        WitnessHttpServer server;
        try {
            server = WitnessHttpServer.start(new Witness(cosigner, logs, witnessState), address);
        } catch (IOException | IllegalArgumentException e) {
            err.println("ledger-verify: cannot listen on " + listen + ": " + e.getMessage());
            close(witnessState);
            return REFUSED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            close(witnessState);
            stopped.countDown();
        }, "witness-shutdown"));
        out.println("cosigner " + cosigner.verifierKey().format());
        logs.forEach(log -> out.println("log      " + log.format()));
        out.println("listening http://" + hostForUrl(server.address()) + ":" + server.address().getPort() + WitnessHttpServer.ADD_CHECKPOINT);
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static SignerKey signerKey(Path keyFile, PrintStream err) throws UsageException {
        String text = StrictUtf8.decode(read(keyFile, 4096)).orElseThrow(() -> new UsageException(keyFile + " is not UTF-8"));
        List<String> lines = text.lines().toList();
        Optional<SignerKey> key = lines.isEmpty() ? Optional.empty() : SignerKey.parse(lines.get(0).strip());
        if (key.isEmpty() || lines.size() > 2) {
            throw new UsageException(keyFile + " does not hold a private key (PRIVATE+KEY+...) on its first line, and at most its vkey after it");
        }
        if (lines.size() == 2 && !lines.get(1).strip().equals(key.get().verifierKey().format())) {
            throw new UsageException("the vkey on the second line of " + keyFile + " is not that of its private key");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                err.println("ledger-verify: warning: " + keyFile + " can be read by others than its owner");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to warn about here.
        }
        return key.get();
    }

    private static InetSocketAddress address(String listen) throws UsageException {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--listen takes HOST:PORT, such as 127.0.0.1:8080");
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        long port = Decimal.parse(listen.substring(colon + 1)).orElse(-1);
        if (port < 0 || port > 65535) {
            throw new UsageException("--listen takes a port from 0 to 65535");
        }
        InetSocketAddress address = new InetSocketAddress(host, (int) port);
        if (address.isUnresolved()) {
            throw new UsageException("cannot resolve the host " + host);
        }
        return address;
    }

    private static String hostForUrl(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static byte[] read(Path file, int maxBytes) throws UsageException {
        try {
            if (Files.size(file) > maxBytes) {
                throw new UsageException(file + " is larger than " + maxBytes + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void close(WitnessState state) {
        try {
            state.close();
        } catch (IOException e) {
            // Closing releases the lock; the process is ending either way.
        }
    }

}
