package org.caseledger.api.integrity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.verify.note.VerifierKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What an auditor uses to check the ledger: verification, the public key, checkpoints and the case file. */
@RestController
class AuditController {

    private final LedgerVerifier verifier;
    private final CheckpointSealer sealer;
    private final CaseFileExporter exporter;
    private final SigningKey signingKey;
    private final LedgerKeys keys;
    private final LogNotes notes;

    AuditController(LedgerVerifier verifier, CheckpointSealer sealer, CaseFileExporter exporter, LedgerKeys keys, LogNotes notes) {
        this.verifier = verifier;
        this.sealer = sealer;
        this.exporter = exporter;
        this.signingKey = keys.current();
        this.keys = keys;
        this.notes = notes;
    }

    /** One of the ledger's keys, from where it took over, with the handover signed by the key before it. */
    record KeyEpoch(int epoch, String keyId, String publicKey, String vkey, long eventsFrom, long accessLogFrom, Instant since,
                    String statement, String handover, String endorsement) {
    }

    @GetMapping(value = "/api/v1/audit/public-key", produces = "application/x-pem-file")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().header("X-Key-Id", signingKey.keyId()).body(Ed25519.toPem(signingKey.publicKey()));
    }

    /**
     * Every key the ledger has signed with, oldest first (docs/integrity.md, "Key rotation"): whoever trusts the first
     * follows the handovers to the current one.
     */
    @GetMapping("/api/v1/audit/keys")
    List<KeyEpoch> keys() {
        List<LedgerKeys.Epoch> epochs = keys.epochs();
        List<VerifierKey> vkeys = notes.verifierKeys();
        Base64.Encoder base64 = Base64.getEncoder();
        List<KeyEpoch> answer = new ArrayList<>();
        for (LedgerKeys.Epoch epoch : epochs) {
            SigningKey key = epoch.key();
            String statement = epoch.number() == 0 ? null : new String(LedgerKeys.handoverStatement(keys.identity().ledgerId(),
                    epoch.number(), epochs.get(epoch.number() - 1).key(), key, epoch.eventsFrom(), epoch.accessLogFrom()),
                    StandardCharsets.US_ASCII);
            answer.add(new KeyEpoch(epoch.number(), key.keyId(), Ed25519.toPem(key.publicKey()), vkeys.get(epoch.number()).format(),
                    epoch.eventsFrom(), epoch.accessLogFrom(), epoch.since(), statement,
                    epoch.handover() == null ? null : base64.encodeToString(epoch.handover()),
                    epoch.endorsement() == null ? null : base64.encodeToString(epoch.endorsement())));
        }
        return answer;
    }

    @GetMapping("/api/v1/audit/verify")
    VerificationReport verifyLedger() {
        return verifier.verifyLedger();
    }

    @GetMapping("/api/v1/cases/{caseId}/verify")
    VerificationReport verifyCase(@PathVariable CaseId caseId) {
        return verifier.verifyStream(caseId.toString());
    }

    /** Seals what is pending now instead of waiting for the next scheduled checkpoint. */
    @PostMapping("/api/v1/audit/checkpoints")
    ResponseEntity<Map<String, Object>> seal() {
        return sealer.sealNext()
                .<ResponseEntity<Map<String, Object>>>map(checkpoint -> ResponseEntity.status(201).body(Map.of(
                        "number", checkpoint.number(), "fromIndex", checkpoint.seal().fromIndex(),
                        "toIndex", checkpoint.toIndex(), "eventCount", checkpoint.eventCount())))
                .orElseGet(() -> ResponseEntity.ok(Map.of("detail", "nothing to seal yet")));
    }

    /**
     * The signed case file, format 2 (docs/integrity.md, "The case file"); {@code since}, the tree size of an earlier
     * checkpoint the auditor holds, adds that checkpoint and the consistency proof from it to the file's.
     */
    @GetMapping(value = "/api/v1/audit/cases/{caseId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> export(@PathVariable CaseId caseId, @RequestParam(required = false) Long since) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + caseId + ".json\"")
                .body(exporter.export(caseId.toString(), since));
    }
}
