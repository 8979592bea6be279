package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.core.integrity.EventAuthenticator;
import org.caseledger.core.integrity.HmacSha256;
import org.caseledger.verify.casefile.CaseFileReport;
import org.caseledger.verify.casefile.CaseFileVerifier;
import org.caseledger.verify.trust.TrustPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The signing key is rotated (docs/integrity.md, "Key rotation"): every node stopped, started with a new key and the old
 * one among the retired keys. Runs the packaged application as processes of their own on a database of its own, and
 * checks from outside: the handover with the JDK alone, the case file with the kit, the database as its superuser.
 * <p>
 * The tests share one rotation, made by whichever runs first: a node's start is most of their time. They run in order
 * because the last stops the node and damages the rotation's row; the forgery is taken back when its test ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationIT {

    private static final String SLOW_SEALING = "--ledger.integrity.checkpoint-interval=PT1H";

    private final TestDatabase.Database database = TestDatabase.another();
    private final String run = "rotation-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path oldKeys = Path.of("target", run + "-old").toAbsolutePath();
    private final Path newKeys = Path.of("target", run + "-new").toAbsolutePath();
    private final int port = LedgerNode.freePort();
    private LedgerNode node;
    private Rotation rotation;

    /** What the rotation left: the case written under both keys, and the checkpoint note and log key of the first key. */
    private record Rotation(String caseId, String keptNote, String oldVkey) {
    }

    @AfterAll
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.kill();
        }
    }

    @Test
    @Order(1)
    void givenASealedLedgerWhenItsKeyIsRotatedThenTheOldKeySignedTheHandoverAndOldAndNewHistoryVerify() throws Exception {
        // Given a ledger sealed under its first key, with one event appended after the last checkpoint,
        // when every node starts with a new key and the old one retired
        Rotation rotated = aRotatedLedger();
        LedgerHttp http = node.http();
        String caseId = rotated.caseId();
        String keptNote = rotated.keptNote();
        String oldVkey = rotated.oldVkey();

        // Then the handover to the new key holds under the old public key, checked with the JDK alone
        JsonNode keys = http.anonymous().get("/api/v1/audit/keys").json();
        assertThat(keys).hasSize(2);
        JsonNode handover = keys.get(1);
        byte[] statement = handover.path("statement").asString().getBytes(StandardCharsets.US_ASCII);
        assertThat(verifies(keys.get(0).path("publicKey").asString(), statement, handover.path("handover").asString())).isTrue();
        assertThat(verifies(handover.path("publicKey").asString(), statement, handover.path("endorsement").asString())).isTrue();
        assertThat(verifies(keys.get(0).path("publicKey").asString(), statement, handover.path("endorsement").asString())).isFalse();
        assertThat(handover.path("statement").asString()).contains("events-from=" + handover.path("eventsFrom").asLong());
        // and the whole ledger, before and after the rotation, verifies
        assertThat(http.as("ivo").get("/api/v1/audit/verify").json().path("status").asString()).isEqualTo("INTACT");

        // and the kit, trusting both log keys, checks a case file of the new key against the checkpoint kept under the old one
        String newVkey = http.anonymous().get("/api/v1/audit/log-key").text().strip();
        assertThat(newVkey).isNotEqualTo(oldVkey);
        byte[] file = http.as("ivo").getBytes("/api/v1/audit/cases/" + caseId + "/export?since=" + treeSize(keptNote)).body();
        TrustPolicy policy = TrustPolicy.parse(("log " + oldVkey + "\nlog " + newVkey + "\nquorum none\n").getBytes(StandardCharsets.UTF_8));
        CaseFileReport report = CaseFileVerifier.withPolicy(policy).verify(file, keptNote.getBytes(StandardCharsets.UTF_8));
        assertThat(report.status()).as(report.toString()).isEqualTo(CaseFileReport.Status.INTACT);
        assertThat(report.keys()).anyMatch(line -> line.contains("an earlier key of the log"));
        // but not trusting the old key, the checkpoint kept under it proves nothing
        TrustPolicy newOnly = TrustPolicy.parse(("log " + newVkey + "\nquorum none\n").getBytes(StandardCharsets.UTF_8));
        assertThat(CaseFileVerifier.withPolicy(newOnly).verify(file, keptNote.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(CaseFileReport.Status.BROKEN);
    }

    @Test
    @Order(2)
    void givenARotatedLedgerWhenTheRetiredKeyForgesANewEventThenItIsNotAuthentic() throws Exception {
        // Given a rotated ledger
        String caseId = aRotatedLedger().caseId();
        LedgerHttp http = node.http();

        // When someone holding the retired key and the database appends an event with an authenticator of the retired key
        long forgedAt;
        try (Tamper tamper = new Tamper(caseId, database)) {
            Map<String, Object> last = tamper.events().get(tamper.events().size() - 1);
            forgedAt = (Long) tamper.rows("SELECT max(global_index) AS top FROM domain_event_entry").get(0).get("top") + 1;
            Map<String, Object> forged = Tamper.forgedAfter(last, forgedAt);
            byte[] retiredEventKey = HmacSha256.derive(privateKey(oldKeys).getEncoded(), "case-ledger/" + EventAuthenticator.KEY_PURPOSE);
            forged.put("authenticator", EventAuthenticator.of(retiredEventKey, (byte[]) forged.get("hash")));
            tamper.insertEvent(forged);

            // Then verification finds it at its place, and the sealer refuses to sign it
            JsonNode report = http.as("ivo").get("/api/v1/audit/verify").json();
            assertThat(report.path("status").asString()).isEqualTo("BROKEN");
            assertThat(report.path("firstProblem").path("kind").asString()).isEqualTo("EVENT_NOT_AUTHENTIC");
            assertThat(report.path("firstProblem").path("globalIndex").asLong()).isEqualTo(forgedAt);
            assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(409);
        }
    }

    @Test
    @Order(3)
    void givenARotatedLedgerWhenANodeStartsWithTheRetiredKeyOrTheRotationRowIsRemovedThenTheNodeRefusesToStart() throws Exception {
        // Given a rotated ledger with an event appended under the new key
        aRotatedLedger();
        node.kill();
        node = null;

        // When a node starts with the retired key as its signing key, then it refuses
        assertThatThrownBy(() -> LedgerNode.start(run + "-3", port, database, oldKeys.getFileName().toString(), SLOW_SEALING))
                .hasMessageContaining("its key file must be in ledger.integrity.retired-key-files or be the signing key");

        // When a superuser moves the boundary of the new key, so that more positions fall to the retired key, then nodes refuse
        try (Connection owner = database.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("UPDATE ledger_key SET events_from = events_from + 1000");
        }
        assertThatThrownBy(() -> startWithNewKey(run + "-6")).hasMessageContaining("was not signed over by key");

        // When a superuser removes the rotation row and a node with the new key starts, then it refuses to record it again
        try (Connection owner = database.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("DELETE FROM ledger_key");
        }
        assertThatThrownBy(() -> startWithNewKey(run + "-4")).hasMessageContaining("the row was removed");

        // When a node starts with a new key but without the old one among its retired keys, then it refuses
        copyPrivacyKeys(Path.of("target", run + "-other").toAbsolutePath());
        assertThatThrownBy(() -> LedgerNode.start(run + "-5", port, database, run + "-other", SLOW_SEALING))
                .hasMessageContaining("was not written with any key of this node");
    }

    /**
     * The rotation, made once for the tests of this class: a case opened and sealed under the first key, one event
     * appended after that checkpoint; the node stopped and started with a new key and the first retired, and the case
     * continued and sealed under the second. The node with the second key is left running.
     */
    private Rotation aRotatedLedger() throws IOException, InterruptedException {
        if (rotation != null) {
            return rotation;
        }
        node = LedgerNode.start(run + "-1", port, database, oldKeys.getFileName().toString(), SLOW_SEALING);
        LedgerHttp http = node.http();
        String caseId = Fixtures.openCase(http);
        note(http, caseId, "Sealed under the first key.");
        assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(201);
        String keptNote = http.as("ivo").get("/api/v1/audit/checkpoints/latest").text();
        String oldVkey = http.anonymous().get("/api/v1/audit/log-key").text().strip();
        note(http, caseId, "Appended under the first key, sealed under the second.");
        node.kill();

        node = startWithNewKey(run + "-2");
        http = node.http();
        note(http, caseId, "Appended under the second key.");
        assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(201);
        rotation = new Rotation(caseId, keptNote, oldVkey);
        return rotation;
    }

    /** A node with a key generated afresh, the personal-data keys copied, and the first key retired. */
    private LedgerNode startWithNewKey(String name) throws IOException {
        copyPrivacyKeys(newKeys);
        return LedgerNode.start(name, port, database, newKeys.getFileName().toString(), SLOW_SEALING,
                "--ledger.integrity.retired-key-files=" + oldKeys.resolve("signing-key.pem"));
    }

    /** The master key and the key-encryption keys, which every node of a ledger shares; not the signing key. */
    private void copyPrivacyKeys(Path to) throws IOException {
        Files.createDirectories(to.resolve("keys"));
        Files.copy(oldKeys.resolve("master-key"), to.resolve("master-key"), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> keks = Files.list(oldKeys.resolve("keys"))) {
            for (Path kek : keks.toList()) {
                Files.copy(kek, to.resolve("keys").resolve(kek.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void note(LedgerHttp http, String caseId, String text) {
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", text)).status()).isEqualTo(201);
    }

    private static long treeSize(String note) {
        return Long.parseLong(note.lines().skip(1).findFirst().orElseThrow());
    }

    private static boolean verifies(String publicKeyPem, byte[] message, String signatureBase64) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(org.caseledger.core.integrity.Ed25519.publicKeyFromPem(publicKeyPem));
        verifier.update(message);
        return verifier.verify(Base64.getDecoder().decode(signatureBase64));
    }

    private static PrivateKey privateKey(Path keys) throws Exception {
        Matcher block = Pattern.compile("-----BEGIN PRIVATE KEY-----([^-]+)-----END PRIVATE KEY-----")
                .matcher(Files.readString(keys.resolve("signing-key.pem")));
        assertThat(block.find()).isTrue();
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(1))));
    }
}
