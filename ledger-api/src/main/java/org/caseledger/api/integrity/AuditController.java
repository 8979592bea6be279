package org.caseledger.api.integrity;

import org.caseledger.api.contract.MayConflict;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
    private final MerkleLog log;

    AuditController(LedgerVerifier verifier, CheckpointSealer sealer, CaseFileExporter exporter, LedgerKeys keys, LogNotes notes,
                    MerkleLog log) {
        this.verifier = verifier;
        this.sealer = sealer;
        this.exporter = exporter;
        this.signingKey = keys.current();
        this.keys = keys;
        this.notes = notes;
        this.log = log;
    }

    /** One of the ledger's keys, from where it took over, with the handover signed by the key before it. */
    record KeyEpoch(@Schema(requiredMode = REQUIRED, description = "0 for the first key, then one more for each rotation") int epoch,
                    @Schema(requiredMode = REQUIRED, description = "The key's id: the first 16 hex digits of its SHA-256 fingerprint")
                    String keyId,
                    @Schema(requiredMode = REQUIRED, description = "The Ed25519 public key, PEM") String publicKey,
                    @Schema(requiredMode = REQUIRED, description = "The key as a signed-note verifier key (c2sp.org/signed-note)") String vkey,
                    @Schema(requiredMode = REQUIRED, description = "The global index of the first event signed with it") long eventsFrom,
                    @Schema(requiredMode = REQUIRED, description = "The position of the first access-log entry signed with it") long accessLogFrom,
                    @Schema(description = "When the key took over from the previous one; absent for the first key") Instant since,
                    @Schema(description = "The handover statement both keys signed; absent for the first key") String statement,
                    @Schema(description = "The previous key's signature of the statement, Base64") String handover,
                    @Schema(description = "This key's signature of the statement, Base64") String endorsement) {
    }

    /** A checkpoint sealed now. */
    record Sealed(@Schema(requiredMode = REQUIRED) long number,
                  @Schema(requiredMode = REQUIRED, description = "The size of the ledger's Merkle tree the checkpoint signs") long treeSize,
                  @Schema(requiredMode = REQUIRED, description = "The global index of the first event it seals") long fromIndex,
                  @Schema(requiredMode = REQUIRED, description = "The global index of the last event it seals") long toIndex,
                  @Schema(requiredMode = REQUIRED) int eventCount) {
    }

    /** Nothing was sealed: no event was waiting, settled, to be sealed. */
    record NothingSealed(@Schema(requiredMode = REQUIRED, description = "The size of the ledger's Merkle tree: every event sealed so far")
                         long treeSize) {
    }

    @Operation(summary = "Read the ledger's public key", description = """
            The Ed25519 public key the ledger signs events, checkpoints and case files with now, in PEM; `X-Key-Id` is \
            its fingerprint. Needs no sign-in. An auditor keeps it to verify an exported case file offline.""")
    @ApiResponse(responseCode = "200", description = "The key, PEM", headers = @Header(name = "X-Key-Id",
            description = "The key's id: the first 16 hex digits of its SHA-256 fingerprint",
            schema = @Schema(type = "string", pattern = "^[0-9a-f]{16}$")))
    @SecurityRequirements
    @GetMapping(value = "/api/v1/audit/public-key", produces = "application/x-pem-file")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().header("X-Key-Id", signingKey.keyId()).body(Ed25519.toPem(signingKey.publicKey()));
    }

    /**
     * Every key the ledger has signed with, oldest first (docs/integrity.md, "Key rotation"): whoever trusts the first
     * follows the handovers to the current one.
     */
    @Operation(summary = "Read every signing key", description = """
            Every key the ledger has signed with, oldest first, each with the handover the key before it signed: whoever \
            trusts the first key follows the handovers to the current one (docs/integrity.md, "Key rotation").""")
    @SecurityRequirements
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

    @Operation(summary = "Verify the whole ledger", description = """
            Checks every stored event against its hash, the hash chains, the signatures, and the checkpoints against the \
            Merkle tree, and reports each break found. Slow on a large ledger: an auditor's tool, not a health check.""")
    @GetMapping("/api/v1/audit/verify")
    VerificationReport verifyLedger() {
        return verifier.verifyLedger();
    }

    @Operation(summary = "Verify one case", description = """
            Checks the case's events against their hashes, its hash chain and signatures, and their inclusion in the \
            newest checkpoint, and reports each break found.""")
    @GetMapping("/api/v1/cases/{caseId}/verify")
    VerificationReport verifyCase(@PathVariable CaseId caseId) {
        return verifier.verifyStream(caseId.toString());
    }

    /** Seals what is pending now instead of waiting for the next scheduled checkpoint. */
    @Operation(summary = "Seal a checkpoint now", description = """
            Seals the events waiting to be sealed now instead of at the next scheduled checkpoint: signs the Merkle tree \
            over them and answers 201 with the checkpoint's signed note as `Location`. With nothing to seal yet (an event \
            is sealed once it is settled, a moment after it is written) it answers 200 and the tree size so far. While \
            the integrity alarm is raised it refuses (409).""")
    @ApiResponse(responseCode = "201", description = "Sealed: Location is the checkpoint's signed note",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = Sealed.class)))
    @ApiResponse(responseCode = "200", description = "Nothing to seal yet",
            content = @Content(schema = @Schema(implementation = NothingSealed.class)))
    @PostMapping("/api/v1/audit/checkpoints")
    ResponseEntity<?> seal() {
        return sealer.sealNext()
                .<ResponseEntity<?>>map(checkpoint -> ResponseEntity.created(URI.create("/api/v1/audit/checkpoints/" + checkpoint.seal().treeSize()))
                        .body(new Sealed(checkpoint.number(), checkpoint.seal().treeSize(), checkpoint.seal().fromIndex(),
                                checkpoint.toIndex(), checkpoint.eventCount())))
                .orElseGet(() -> ResponseEntity.ok(new NothingSealed(log.size())));
    }

    /**
     * The signed case file, format 2 (docs/integrity.md, "The case file"); {@code since}, the tree size of an earlier
     * checkpoint the auditor holds, adds that checkpoint and the consistency proof from it to the file's.
     */
    @Operation(summary = "Export a case's signed case file", description = """
            The case file as one signed JSON document (format 2, docs/integrity.md "The case file"): every event of the \
            case as stored, with its hash, its link in the hash chain and its inclusion proof, and the newest checkpoint \
            they are proved to be in. It verifies offline with the auditor's kit and the ledger's public key. `since`, \
            the tree size of an earlier checkpoint the auditor holds, adds that checkpoint and the proof that the ledger \
            only grew since.""")
    @ApiResponse(responseCode = "200", description = "The signed case file",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/CaseFile")))
    @MayConflict
    @GetMapping(value = "/api/v1/audit/cases/{caseId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> export(@PathVariable CaseId caseId,
                                  @Parameter(description = "The tree size of an earlier checkpoint the auditor holds")
                                  @RequestParam(required = false) Long since) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + caseId + ".json\"")
                .body(exporter.export(caseId.toString(), since));
    }
}
