package org.caseledger.verify.trust;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.primitives.Decimal;
import org.caseledger.verify.primitives.StrictUtf8;

/**
 * Which logs and witnesses an auditor trusts, and how many witnesses must have cosigned a checkpoint: a policy file of
 * c2sp.org/tlog-policy.
 * <pre>
 * log &lt;vkey&gt; [&lt;url&gt;]
 * witness &lt;name&gt; &lt;vkey&gt; [&lt;url&gt;]
 * group &lt;name&gt; all|any|&lt;k&gt; &lt;member&gt;...
 * quorum &lt;name&gt;|none
 * </pre>
 * Log keys are note keys (type 0x01) whose name is the log's origin; witness keys are cosigner keys (type 0x04). A
 * group is witnessed when at least k of its members are; a group or the quorum may only name what earlier lines
 * define; no name is a member twice; no public key is listed twice.
 */
public final class TrustPolicy {

    public static final int MAX_BYTES = 64 * 1024;
    /** Well above the 32 logs, witnesses and groups the specification asks implementations to support. */
    public static final int MAX_ENTRIES = 256;
    public static final String NONE = "none";

    private final List<VerifierKey> logs;
    private final Map<String, VerifierKey> witnesses;
    private final Map<String, Group> groups;
    private final String quorum;

    private TrustPolicy(List<VerifierKey> logs, Map<String, VerifierKey> witnesses, Map<String, Group> groups, String quorum) {
        this.logs = List.copyOf(logs);
        this.witnesses = Collections.unmodifiableMap(new LinkedHashMap<>(witnesses));
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.quorum = quorum;
    }

    /** A group of witnesses or groups, witnessed when at least {@code threshold} of its members are. */
    public record Group(String name, int threshold, List<String> members) {

        public Group {
            members = List.copyOf(members);
        }
    }

    public static TrustPolicy parse(byte[] bytes) throws MalformedPolicyException {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedPolicyException(0, "the policy is longer than " + MAX_BYTES + " bytes");
        }
        for (byte b : bytes) {
            int octet = b & 0xff;
            if (octet != '\t' && octet != '\n' && (octet < 0x20 || octet == 0x7f)) {
                throw new MalformedPolicyException(0, "the policy has a control character other than tab and newline");
            }
        }
        // Octets with the high bit set are opaque to the syntax; ISO-8859-1 keeps each one a character of its own.
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1);
        Parser parser = new Parser();
        for (int i = 0; i < lines.length; i++) {
            parser.line(i + 1, lines[i]);
        }
        return parser.finish();
    }

    public List<VerifierKey> logs() {
        return logs;
    }

    /** The log keys for an origin: those whose key name is the origin. */
    public List<VerifierKey> logsOf(String origin) {
        return logs.stream().filter(key -> key.name().equals(origin)).toList();
    }

    public Map<String, VerifierKey> witnesses() {
        return witnesses;
    }

    public Map<String, Group> groups() {
        return groups;
    }

    /** The name of the witness or group that must witness a checkpoint, or {@link #NONE}. */
    public String quorum() {
        return quorum;
    }

    /** Does a checkpoint that these witnesses (by policy name) cosigned meet the quorum? */
    public boolean isMetBy(Collection<String> cosigners) {
        return witnessed(quorum, Set.copyOf(cosigners));
    }

    private boolean witnessed(String name, Set<String> cosigners) {
        if (NONE.equals(name)) {
            return true;
        }
        Group group = groups.get(name);
        if (group == null) {
            return cosigners.contains(name);
        }
        return group.members().stream().filter(member -> witnessed(member, cosigners)).count() >= group.threshold();
    }

    private static final class Parser {

        private final List<VerifierKey> logs = new ArrayList<>();
        private final Map<String, VerifierKey> witnesses = new LinkedHashMap<>();
        private final Map<String, Group> groups = new LinkedHashMap<>();
        private final Set<String> members = new HashSet<>();
        private final List<VerifierKey> allKeys = new ArrayList<>();
        private String quorum;

        void line(int number, String line) throws MalformedPolicyException {
            String trimmed = trimSpaceAndTab(line);
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                return;
            }
            String[] items = trimmed.split("[ \t]+");
            switch (items[0]) {
                case "log" -> log(number, items);
                case "witness" -> witness(number, items);
                case "group" -> group(number, items);
                case "quorum" -> quorum(number, items);
                default -> throw new MalformedPolicyException(number, "a line is a log, witness, group or quorum, not '" + items[0] + "'");
            }
        }

        TrustPolicy finish() throws MalformedPolicyException {
            if (quorum == null) {
                throw new MalformedPolicyException(0, "the policy has no quorum line");
            }
            return new TrustPolicy(logs, witnesses, groups, quorum);
        }

        private void log(int number, String[] items) throws MalformedPolicyException {
            if (items.length < 2 || items.length > 3) {
                throw new MalformedPolicyException(number, "a log line is 'log <vkey> [<url>]'");
            }
            logs.add(key(number, items[1], SignatureType.ED25519, "a log's vkey is a note key of type 0x01"));
            limit(number, logs.size(), "logs");
        }

        private void witness(int number, String[] items) throws MalformedPolicyException {
            if (items.length < 3 || items.length > 4) {
                throw new MalformedPolicyException(number, "a witness line is 'witness <name> <vkey> [<url>]'");
            }
            String name = newName(number, items[1]);
            witnesses.put(name, key(number, items[2], SignatureType.COSIGNATURE_V1, "a witness's vkey is a cosigner key of type 0x04"));
            limit(number, witnesses.size(), "witnesses");
        }

        private void group(int number, String[] items) throws MalformedPolicyException {
            if (items.length < 4) {
                throw new MalformedPolicyException(number, "a group line is 'group <name> all|any|<k> <member>...'");
            }
            String name = newName(number, items[1]);
            List<String> groupMembers = List.of(items).subList(3, items.length);
            for (String member : groupMembers) {
                if (NONE.equals(member) || !(witnesses.containsKey(member) || groups.containsKey(member))) {
                    throw new MalformedPolicyException(number, "'" + member + "' is not a witness or group defined above");
                }
                if (!members.add(member)) {
                    throw new MalformedPolicyException(number, "'" + member + "' is already a member: a name is a member at most once");
                }
            }
            int n = groupMembers.size();
            int threshold;
            if ("all".equals(items[2])) {
                threshold = n;
            } else if ("any".equals(items[2])) {
                threshold = 1;
            } else {
                OptionalLong k = Decimal.parse(items[2]);
                if (k.isEmpty() || k.getAsLong() < 1 || k.getAsLong() > n) {
                    throw new MalformedPolicyException(number, "the threshold is all, any or a number k with 1 <= k <= " + n);
                }
                threshold = (int) k.getAsLong();
            }
            groups.put(name, new Group(name, threshold, groupMembers));
            limit(number, groups.size(), "groups");
        }

        private void quorum(int number, String[] items) throws MalformedPolicyException {
            if (items.length != 2) {
                throw new MalformedPolicyException(number, "a quorum line is 'quorum <name>'");
            }
            if (quorum != null) {
                throw new MalformedPolicyException(number, "a policy has exactly one quorum line");
            }
            if (!NONE.equals(items[1]) && !witnesses.containsKey(items[1]) && !groups.containsKey(items[1])) {
                throw new MalformedPolicyException(number, "the quorum '" + items[1] + "' is not none or a witness or group defined above");
            }
            quorum = items[1];
        }

        private String newName(int number, String name) throws MalformedPolicyException {
            if (NONE.equals(name) || witnesses.containsKey(name) || groups.containsKey(name)) {
                throw new MalformedPolicyException(number, "the name '" + name + "' is reserved or already defined");
            }
            return name;
        }

        private VerifierKey key(int number, String item, byte type, String rule) throws MalformedPolicyException {
            Optional<VerifierKey> key = StrictUtf8.decode(item.getBytes(StandardCharsets.ISO_8859_1)).flatMap(VerifierKey::parse);
            if (key.isEmpty()) {
                throw new MalformedPolicyException(number, "not a vkey of an Ed25519 key with its key ID: " + item);
            }
            if (key.get().type() != type) {
                throw new MalformedPolicyException(number, rule);
            }
            for (VerifierKey other : allKeys) {
                if (Arrays.equals(other.publicKey(), key.get().publicKey())) {
                    throw new MalformedPolicyException(number, "the public key of " + key.get().name() + " is listed twice");
                }
                if (other.name().equals(key.get().name()) && other.keyId() == key.get().keyId()) {
                    throw new MalformedPolicyException(number, "two keys share the name and key ID of " + key.get().name());
                }
            }
            allKeys.add(key.get());
            return key.get();
        }

        private static String trimSpaceAndTab(String line) {
            int start = 0;
            int end = line.length();
            while (start < end && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
                start++;
            }
            while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            return line.substring(start, end);
        }

        private static void limit(int number, int count, String what) throws MalformedPolicyException {
            if (count > MAX_ENTRIES) {
                throw new MalformedPolicyException(number, "a policy lists at most " + MAX_ENTRIES + " " + what);
            }
        }
    }
}
