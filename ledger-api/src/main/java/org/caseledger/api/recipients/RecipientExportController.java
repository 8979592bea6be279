package org.caseledger.api.recipients;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.PersonAccessGuard;
import org.caseledger.api.contract.MayConflict;
import org.caseledger.api.integrity.CaseFileExporter;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed case file for a named recipient, who alone can read its personal fields while anyone can verify it. */
@RestController
class RecipientExportController {

    /**
     * Who the file is for: a registered recipient by id, or, with {@code publicKey} (where the configuration accepts it),
     * a recipient by name and key.
     */
    record ExportRequest(@Schema(requiredMode = REQUIRED, description = "The id of a registered recipient, e.g. ivo; with publicKey, the recipient's name",
                                 minLength = 1, maxLength = 200, pattern = Require.TEXT_PATTERN, example = "ivo") String recipient,
                         @Schema(description = "An X25519 public key, Base64 of 32 bytes, as the kit's keygen prints it; only where the ledger accepts keys in requests",
                                 minLength = 44, maxLength = 44, pattern = "^[A-Za-z0-9+/]{43}=$",
                                 example = "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=") String publicKey) {

        ExportRequest {
            Require.text(recipient, "recipient", 200);
            if (publicKey != null) {
                Require.text(publicKey, "publicKey", 64);
            }
        }
    }

    /** What the access log names the export by, for the case (by the guard) and for each person the file names. */
    static final String WHAT = "POST /api/v1/audit/cases/{caseId}/exports";

    private final CaseFileForRecipient files;
    private final PersonAccessGuard personGuard;

    RecipientExportController(CaseFileForRecipient files, PersonAccessGuard personGuard) {
        this.files = files;
        this.personGuard = personGuard;
    }

    @Operation(summary = "Export a case file for a named recipient", description = """
            The signed case file (format 2, docs/integrity.md "A case file for a recipient") exactly as any export — \
            every event as stored with its hash, link and inclusion proof, and the newest checkpoint — with the case's \
            data keys sealed for the recipient's public key (HPKE, RFC 9180) and the law catalogue its decisions cite. \
            Anyone verifies it with the ledger's public key; only the recipient's private key opens its personal fields \
            (the kit's `replay`); an erased person's fields stay unreadable, their key is gone. The recipient is a \
            registered one (`ledger.recipients.register`) whose key is valid today, named by its id; or, where the \
            configuration accepts it, a recipient named by `recipient` with its `publicKey`. Decided and logged, with the \
            purpose in `X-Purpose`, as every export is.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "ivo",
            summary = "For the supervising authority", value = """
            {"recipient": "ivo"}""")))
    @ApiResponse(responseCode = "200", description = "The signed case file for the recipient",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/CaseFile")))
    @MayConflict
    @PostMapping(value = "/api/v1/audit/cases/{caseId}/exports", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> exportForRecipient(@PathVariable CaseId caseId, @RequestBody ExportRequest body, HttpServletRequest request) {
        CaseFileForRecipient.Recipient recipient = body.publicKey() == null ? files.registered(body.recipient())
                : files.supplied(body.recipient(), body.publicKey());
        CaseFileExporter.Export export = files.export(caseId.toString(), recipient);
        // Each person the file names is read by its recipient: logged as a read of that person, outside the export's snapshot.
        export.file().persons().forEach(person -> personGuard.read(CurrentStaff.get(), PersonId.of(person.personId()), WHAT,
                request.getHeader(AccessLog.PURPOSE_HEADER)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + caseId + "-for-"
                        + export.file().recipient().keyId() + ".json\"")
                .body(export.json());
    }
}
