package org.caseledger.api.access;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caseledger.api.contract.Paged;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.web.NextPage;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.ValueProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read-access log for auditors: who read a case, what a person read, unusual access, and the chain's verification. */
@RestController
class AccessLogController {

    private static final int MAX_LIMIT = 1000;

    private final AccessLogQuery query;
    private final AccessLog log;

    AccessLogController(AccessLogQuery query, AccessLog log) {
        this.query = query;
        this.log = log;
    }

    /**
     * The entries, newest first, at most {@code limit}; when the page is full, the {@code Link} header ({@code rel="next"})
     * continues below its last position ({@code before}).
     */
    @Operation(summary = "Read the access log", description = """
            Who read what and when, newest first: every read of a case or person, and every refusal, with the stated \
            purpose. Filter by case, member of staff and time. Pages of at most `limit` entries; `Link` continues below the last \
            (`before`). The auditor's own queries are logged too.""")
    @Paged
    @GetMapping("/api/v1/audit/access-log")
    ResponseEntity<List<AccessLogEntry>> entries(@RequestParam(required = false) UUID caseId, @RequestParam(required = false) String user,
                                                 @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                                 @RequestParam(required = false) Long before,
                                                 @RequestParam(defaultValue = "200") int limit, HttpServletRequest request) {
        logQuery(request);
        List<AccessLogEntry> page = query.find(new AccessLogQuery.Filter(caseId, user, from, to, before, checked(limit)));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.size() == limit) {
            response.header(NextPage.HEADER, NextPage.link("before", page.get(page.size() - 1).position()));
        }
        return response.body(page);
    }

    @Operation(summary = "Find unusual access", description = """
            Access that stands out, for the auditor to look into: refusals, ids that name nothing (guessing), failed \
            sign-ins, reads outside the reader's unit or assignment, every read of a protected identity, and bursts of \
            many cases read in a short window. The query is logged.""")
    @GetMapping("/api/v1/audit/access-log/unusual")
    AccessLogQuery.Unusual unusual(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                   @RequestParam(defaultValue = "200") int limit, HttpServletRequest request) {
        logQuery(request);
        return query.unusual(from, to, checked(limit));
    }

    @Operation(summary = "Verify the access log", description = """
            Checks the access log's hash chain, and says whether it is whole or where it first breaks.""")
    @GetMapping("/api/v1/audit/access-log/verify")
    AccessLogQuery.Verification verify() {
        return query.verify();
    }

    /** Who reviews the log is logged too: the reviewer's queries show what they looked for. */
    private void logQuery(HttpServletRequest request) {
        log.record(AccessLog.Read.ofRequest(CurrentStaff.get(), request.getMethod() + " " + request.getRequestURI(),
                request.getQueryString(), request.getHeader(AccessLog.PURPOSE_HEADER), AccessLog.Outcome.READ));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", ValueProblem.OUT_OF_RANGE, "limit must be between 1 and " + MAX_LIMIT, 1, MAX_LIMIT);
        }
        return limit;
    }
}
